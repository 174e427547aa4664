package io.sesanalytics.jobs.common;

import org.apache.hadoop.fs.Path;
import org.apache.spark.Dependency;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

import java.io.IOException;
import java.io.Serializable;
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
        RDD<byte[]> stored = binaryRows(rows);
        stored.persist(StorageLevel.DISK_ONLY());
        stored.localCheckpoint();
        stored.count();
        return rowsOf(stored, rows);
    }

    /**
     * The rows cached on local disk as they are computed, their lineage kept: a lost block is computed again.
     * For rows read by several passes that are cheap to compute from rows {@link #keep kept} already, where the
     * columnar cache of {@code persist} would cost more to fill than the passes it saves. Freed by {@link #release}.
     */
    public static Dataset<Row> cacheOnDisk(Dataset<Row> rows) {
        RDD<byte[]> stored = binaryRows(rows);
        stored.persist(StorageLevel.DISK_ONLY());
        return rowsOf(stored, rows);
    }

    /**
     * Each row as the bytes of Spark's binary row: Spark stores an RDD of byte arrays with Kryo, a length and the
     * bytes, where rows as objects would go through Java serialization, which costs more than the bytes on every
     * pass.
     */
    private static RDD<byte[]> binaryRows(Dataset<Row> rows) {
        return rows.queryExecution().toRdd().map(new RowBytes(rows.schema()), BYTES);
    }

    /** The stored bytes as rows of the given Dataset's schema, read without copying. */
    private static Dataset<Row> rowsOf(RDD<byte[]> stored, Dataset<Row> rows) {
        int fields = rows.schema().size();
        RDD<InternalRow> binary = stored.toJavaRDD().map((Function<byte[], InternalRow>) bytes -> {
            UnsafeRow row = new UnsafeRow(fields);
            row.pointTo(bytes, bytes.length);
            return row;
        }).rdd();
        return rows.sparkSession().internalCreateDataFrame(binary, rows.schema(), false);
    }

    private static final ClassTag<byte[]> BYTES = ClassTag$.MODULE$.apply(byte[].class);

    /** A row as the bytes of an {@link UnsafeRow} of its own. */
    private static final class RowBytes extends AbstractFunction1<InternalRow, byte[]> implements Serializable {
        private final StructType schema;
        private transient UnsafeProjection projection;

        RowBytes(StructType schema) {
            this.schema = schema;
        }

        @Override
        public byte[] apply(InternalRow row) {
            UnsafeRow unsafe;
            if (row instanceof UnsafeRow binary) {
                unsafe = binary;
            } else {
                if (projection == null) {
                    projection = UnsafeProjection.create(schema);
                }
                unsafe = projection.apply(row);
            }
            // A copy is exactly as long as the row, so its array is the row's bytes and no buffer is shared.
            return unsafe.copy().getBytes();
        }
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

    /** Frees the rows of a Dataset returned by {@link #keep} or {@link #cacheOnDisk} at once: blocks, or checkpoint files. */
    public static void release(Dataset<?> kept) {
        LogicalPlan plan = kept.queryExecution().analyzed();
        if (plan instanceof LogicalRDD logical) {
            RDD<?> rdd = logical.rdd();
            rdd.unpersist(true);
            // Rows stored as bytes are a view of the RDD of the bytes.
            scala.collection.Iterator<Dependency<?>> parents = rdd.dependencies().iterator();
            while (parents.hasNext()) {
                parents.next().rdd().unpersist(true);
            }
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
