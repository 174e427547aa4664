package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import io.sesanalytics.jobs.maintain.MaintainJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Table maintenance: compaction of small files and expiry of old snapshots. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Compact the small files of every table and expire its snapshots older than --expire-days"
                + " (the current one is always kept); prints one line per table.")
public final class MaintainCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions location;

    @Mixin
    MaintainOptions options;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MaintainJob.Config config = Usage.check(spec, () -> options.config(location.warehouse, Clock.systemUTC()));
        WarehouseCatalog tables = Usage.check(spec, catalog::catalog);
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics maintain");
        try {
            tables.register(spark, config.warehouse());
            spark.conf().set(SparkSessions.RUN_ID, UUID.randomUUID().toString());
            MaintainJob.run(spark, config).forEach(done -> System.out.println(line(done)));
            return 0;
        } finally {
            spark.stop();
        }
    }

    static String line(MaintainJob.TableMaintenance done) {
        String table = "maintain " + done.table().tableName() + ": ";
        if (!done.written()) {
            return table + "not written yet";
        }
        return table + String.format("%,d snapshot(s) expired (%,d file(s) deleted), %,d small file(s) rewritten into %,d,"
                        + " %,d file(s) of killed runs deleted", done.snapshotsExpired(), done.filesDeleted(),
                done.filesRewritten(), done.filesAdded(), done.orphanFilesDeleted());
    }
}
