package io.sesanalytics.jobs.common;

import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Option;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A Dataset computed once and kept as Spark's binary rows, with its lineage cut: cheaper to fill than the
 * columnar cache of {@code persist} when the rows are wide and nested, read back without decoding, and never
 * recomputed from tables that the night has since rewritten.
 *
 * <p>On a cluster the rows go to a reliable checkpoint under {@code <warehouse>/_checkpoints/<application id>},
 * which any executor can read back: a local checkpoint lives only in the block store of the executor that
 * computed it, and with the lineage cut Spark cannot recompute a block lost with that executor, so one lost
 * executor would fail the night. In local mode the driver is the only executor, so the rows are kept there, unless
 * {@value #MODE} is {@code reliable} (to measure what the cluster's way costs on one machine).
 *
 * <p>Kept on one machine, the rows are written serialized to Spark's local disk, where the operating system's page
 * cache holds them: a day's parsed lines outgrow a small heap, and kept in it as millions of live row objects they
 * would make every garbage collection walk them, or spill in the middle of a pass. On disk a bigger day only takes
 * more disk, and the process stays small.
 */
public final class Checkpoints {
    /** Under the warehouse, so that the checkpoint is as reachable and durable as the tables. */
    static final String FOLDER = "_checkpoints";
    /** Spark setting: {@code reliable} keeps the rows the cluster's way in local mode too. */
    public static final String MODE = "spark.ses-analytics.checkpoints";

    private Checkpoints() {
    }

    /** Computes the rows now and keeps them where every executor can read them again. */
    public static Dataset<Row> keep(Dataset<Row> rows, String warehouse) {
        SparkContext context = rows.sparkSession().sparkContext();
        if (context.isLocal() && !"reliable".equals(context.getConf().get(MODE, "local"))) {
            return keepOnLocalDisk(rows);
        }
        return keepReliably(rows, warehouse);
    }

    /** What {@code localCheckpoint} does, with the blocks on local disk rather than in the heap. */
    static Dataset<Row> keepOnLocalDisk(Dataset<Row> rows) {
        RDD<InternalRow> copies = rows.queryExecution().toRdd().toJavaRDD()
                .map((Function<InternalRow, InternalRow>) InternalRow::copy).rdd();
        copies.persist(StorageLevel.DISK_ONLY());
        copies.localCheckpoint();
        copies.count();
        return rows.sparkSession().internalCreateDataFrame(copies, rows.schema(), false);
    }

    /** The cluster's way, also taken in local mode by the tests. */
    static Dataset<Row> keepReliably(Dataset<Row> rows, String warehouse) {
        SparkContext context = rows.sparkSession().sparkContext();
        synchronized (Checkpoints.class) {
            if (context.getCheckpointDir().isEmpty()) {
                context.setCheckpointDir(Locations.normalize(warehouse) + "/" + FOLDER + "/" + context.applicationId());
            }
        }
        return rows.checkpoint(true);
    }

    /** Frees the rows of a Dataset returned by {@link #keep} at once: blocks, or checkpoint files. */
    public static void release(Dataset<?> kept) {
        LogicalPlan plan = kept.queryExecution().analyzed();
        if (plan instanceof LogicalRDD logical) {
            RDD<?> rdd = logical.rdd();
            rdd.unpersist(true);
            Option<String> file = rdd.getCheckpointFile();
            if (file.isDefined()) {
                Path path = new Path(file.get());
                try {
                    path.getFileSystem(kept.sparkSession().sparkContext().hadoopConfiguration()).delete(path, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not delete the checkpoint " + path, e);
                }
            }
        }
    }
}
