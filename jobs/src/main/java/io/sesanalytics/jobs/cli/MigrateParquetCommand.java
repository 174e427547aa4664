package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import io.sesanalytics.jobs.migrate.MigrateParquetJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** The one-time move of a warehouse of plain Parquet folders, as the earlier releases wrote it, into Iceberg. */
@Command(name = "migrate-parquet", mixinStandardHelpOptions = true,
        description = "Move the plain Parquet folders of a warehouse written by an earlier release into the Iceberg"
                + " tables, one commit per table, checking the row counts; the folders are left in place.")
public final class MigrateParquetCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions location;

    @Option(names = "--replace",
            description = "Replace the rows of Iceberg tables that already hold some (default: refuse, and write nothing).")
    boolean replace;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrateParquetJob.Config config = Usage.check(spec, () -> new MigrateParquetJob.Config(location.warehouse, replace));
        WarehouseCatalog tables = Usage.check(spec, catalog::catalog);
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics migrate-parquet");
        List<MigrateParquetJob.Migrated> migrated;
        try {
            tables.register(spark, config.warehouse());
            spark.conf().set(SparkSessions.RUN_ID, UUID.randomUUID().toString());
            migrated = MigrateParquetJob.run(spark, config);
        } catch (MigrateParquetJob.Refused e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } finally {
            spark.stop();
        }
        migrated.forEach(m -> System.out.printf("migrate-parquet %s: %,d rows from %s%n", m.table().tableName(),
                m.rows(), m.folder()));
        System.out.println("The Parquet folders are left in place. Once the tables read as expected, remove them:");
        migrated.forEach(m -> System.out.println("  " + removal(m.folder())));
        return 0;
    }

    /** The command that removes a folder, in the tool of its file system. */
    static String removal(String folder) {
        if (folder.startsWith("s3://") || folder.startsWith("s3a://")) {
            return "aws s3 rm --recursive " + folder.replaceFirst("^s3a://", "s3://") + "/";
        }
        return "rm -r " + (folder.startsWith("file:") ? URI.create(folder).getPath() : folder);
    }
}
