package io.sesanalytics.jobs.maintain;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableSnapshots;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the Iceberg tables small to plan and cheap to read: compacts the small files that nightly re-runs and
 * catch-ups leave in a partition, then expires the snapshots older than a cut-off (always keeping the current
 * one), which deletes the files only those snapshots still referenced, and deletes the files no snapshot ever
 * referenced: those a run killed before its commit had written.
 */
public final class MaintainJob {
    public static final int DEFAULT_EXPIRE_DAYS = 7;
    /** A partition is compacted only when it holds at least this many small files. */
    public static final int DEFAULT_MIN_INPUT_FILES = 2;
    public static final int DEFAULT_TARGET_FILE_MB = 128;
    /**
     * Files no snapshot references are deleted only when older than this, Iceberg's own default, so that the
     * files of a write still running are never taken for those of a killed one.
     */
    static final java.time.Duration ORPHAN_MIN_AGE = java.time.Duration.ofDays(3);

    private MaintainJob() {
    }

    /**
     * @param expireOlderThan snapshots made before this instant are expired, the current one excepted
     * @param minInputFiles   the fewest small files of a partition that are rewritten together
     * @param targetFileBytes the size of the files a rewrite writes
     */
    public record Config(String warehouse, Instant expireOlderThan, int minInputFiles, long targetFileBytes) {
        public Config {
            Objects.requireNonNull(warehouse, "warehouse");
            Objects.requireNonNull(expireOlderThan, "expireOlderThan");
            if (minInputFiles < 2) {
                throw new IllegalArgumentException("minInputFiles must be 2 or more, not " + minInputFiles);
            }
            if (targetFileBytes < 1024 * 1024) {
                throw new IllegalArgumentException("targetFileBytes must be 1 MiB or more, not " + targetFileBytes);
            }
        }
    }

    /** What maintenance did to one table; a table never written is left alone. */
    public record TableMaintenance(Table table, boolean written, int filesRewritten, int filesAdded,
                                   int snapshotsExpired, long filesDeleted, int orphanFilesDeleted) {
    }

    /** Compacts, then expires, every table of the warehouse, one after the other. */
    public static List<TableMaintenance> run(SparkSession spark, Config config) {
        List<TableMaintenance> done = new ArrayList<>();
        for (Table table : Table.values()) {
            done.add(TableWriter.exists(spark, table, config.warehouse()) ? maintain(spark, config, table)
                    : new TableMaintenance(table, false, 0, 0, 0, 0, 0));
        }
        return done;
    }

    private static TableMaintenance maintain(SparkSession spark, Config config, Table table) {
        org.apache.iceberg.Table iceberg = TableSnapshots.load(spark, config.warehouse(), table);
        RewriteDataFiles.Result rewritten = compact(spark, config, iceberg);
        iceberg.refresh();
        int snapshots = count(iceberg.snapshots());
        ExpireSnapshots.Result expired = SparkActions.get(spark).expireSnapshots(iceberg)
                .expireOlderThan(config.expireOlderThan().toEpochMilli())
                .retainLast(1)
                .execute();
        iceberg.refresh();
        long deleted = expired.deletedDataFilesCount() + expired.deletedPositionDeleteFilesCount()
                + expired.deletedEqualityDeleteFilesCount();
        Instant orphanCutOff = Instant.now().minus(ORPHAN_MIN_AGE);
        DeleteOrphanFiles.Result orphans = SparkActions.get(spark).deleteOrphanFiles(iceberg)
                .olderThan(Math.min(orphanCutOff.toEpochMilli(), config.expireOlderThan().toEpochMilli()))
                .execute();
        return new TableMaintenance(table, true, rewritten.rewrittenDataFilesCount(), rewritten.addedDataFilesCount(),
                snapshots - count(iceberg.snapshots()), deleted, count(orphans.orphanFileLocations()));
    }

    /** Bin-packs the small files of each partition that holds enough of them; other partitions are not touched. */
    private static RewriteDataFiles.Result compact(SparkSession spark, Config config, org.apache.iceberg.Table iceberg) {
        RewriteDataFiles rewrite = SparkActions.get(spark).rewriteDataFiles(iceberg)
                .binPack()
                .option(RewriteDataFiles.TARGET_FILE_SIZE_BYTES, String.valueOf(config.targetFileBytes()))
                .option("min-input-files", String.valueOf(config.minInputFiles()));
        String runId = spark.conf().get(SparkSessions.RUN_ID, null);
        return (runId == null ? rewrite : rewrite.snapshotProperty(TableWriter.RUN_ID_PROPERTY, runId)).execute();
    }

    private static int count(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
