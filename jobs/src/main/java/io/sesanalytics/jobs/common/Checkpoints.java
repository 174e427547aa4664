package io.sesanalytics.jobs.common;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Local checkpoints: a Dataset computed once and kept in the executors' block stores as Spark's binary
 * rows, with its lineage cut. Cheaper to fill than the columnar cache of {@code persist} when the rows are
 * wide and nested, and read back without decoding.
 */
public final class Checkpoints {
    private Checkpoints() {
    }

    /** Computes the rows now and keeps them (in memory, spilling to local disk). */
    public static <T> Dataset<T> keep(Dataset<T> rows) {
        return rows.localCheckpoint(true);
    }

    /** Frees the blocks of a Dataset returned by {@link #keep} at once, rather than when it is garbage. */
    public static void release(Dataset<?> kept) {
        LogicalPlan plan = kept.queryExecution().analyzed();
        if (plan instanceof LogicalRDD logical) {
            logical.rdd().unpersist(true);
        }
    }
}
