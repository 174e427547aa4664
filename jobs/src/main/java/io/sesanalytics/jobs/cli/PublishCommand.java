package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.publish.PublishJob;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.concurrent.Callable;

/** Publishes the written tables to Glue (or the local catalog). */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Create or update the catalog database, tables and partitions of the warehouse.")
public final class PublishCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the tables (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Run date whose run summary records the publish (default: none).")
    LocalDate date;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PublishJob.Config config = Usage.check(spec, () -> catalog.config(warehouse, date));
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics publish");
        try {
            Nightly.printPublish(PublishJob.run(spark, config));
            return 0;
        } finally {
            spark.stop();
        }
    }
}
