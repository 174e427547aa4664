package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.alert.AlertsJob;
import io.sesanalytics.jobs.common.CatalogMode;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableSnapshots;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import io.sesanalytics.jobs.normalize.NormalizeSummary;
import io.sesanalytics.jobs.pipeline.NightPlan;
import io.sesanalytics.jobs.pipeline.NightlyPipeline;
import io.sesanalytics.jobs.pipeline.StepTimings;
import io.sesanalytics.jobs.sessync.SesSyncJob;
import io.sesanalytics.jobs.suppress.SuppressJob;
import io.sesanalytics.jobs.suppress.SuppressionExports;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** Prints run results for a person at a terminal. */
final class Nightly {
    private Nightly() {
    }

    /**
     * Runs one step for each config, in order, in one SparkSession, with the warehouse's tables in the catalog.
     * A step that fails puts the tables it committed back to their snapshots before it.
     */
    static <C> int each(String command, WarehouseCatalog catalog, String warehouse, List<C> configs,
                        BiConsumer<SparkSession, C> step) {
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics " + command);
        try {
            catalog.register(spark, warehouse);
            spark.conf().set(SparkSessions.RUN_ID, UUID.randomUUID().toString());
            for (C config : configs) {
                TableSnapshots before = TableSnapshots.of(spark, warehouse);
                try {
                    step.accept(spark, config);
                } catch (Throwable e) {
                    // Spark also throws checked exceptions (SparkException) from Scala code.
                    try {
                        before.rollBack(spark, warehouse);
                    } catch (RuntimeException rollBackFailure) {
                        e.addSuppressed(rollBackFailure);
                    }
                    throw e;
                }
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Prints each step of the nightly pipeline as it ends. */
    static final class Printer implements NightlyPipeline.Progress {
        @Override
        public void planned(NightPlan plan) {
            List<LocalDate> caughtUp = plan.dates(NightPlan.Cause.CAUGHT_UP);
            List<LocalDate> recomputed = plan.dates(NightPlan.Cause.RECOMPUTED);
            if (!caughtUp.isEmpty()) {
                System.out.println("catch-up: " + caughtUp + " had captures but no completed night; they run first, oldest first");
            }
            if (!recomputed.isEmpty()) {
                System.out.println("recompute: " + recomputed + " ran before and follow the dates asked for; their"
                        + " suppression states and rolling stats are computed again, in order");
            }
            plan.nights().stream().filter(night -> !night.normalize()).forEach(night ->
                    System.out.println("normalize " + night.date() + ": skipped, its captures have not changed since they were normalized"));
        }

        @Override
        public void normalized(NormalizeSummary summary) {
            printNormalize(summary);
        }

        @Override
        public void aggregatedAndSuppressed(AggregateJob.AggregateSummary aggregate, SuppressJob.SuppressSummary suppress) {
            printAggregate(aggregate);
            printSuppress(suppress);
        }

        @Override
        public void nightEnded(LocalDate date, StepTimings timings) {
            System.out.println("timings " + date + ": " + timings);
        }

        @Override
        public void alerted(AlertsJob.AlertsSummary s) {
            printAlerts(s);
        }

        @Override
        public void reported(LocalDate date, String location) {
            System.out.println("report " + date + ": " + location);
        }

        @Override
        public void sesSynced(SesSyncJob.Outcome outcome) {
            SesSyncCommand.printSesSync(outcome, false);
        }
    }

    static void printNormalize(NormalizeSummary s) {
        System.out.printf("normalize %s: %,d raw lines -> %,d event rows (%,d events), %,d received, "
                        + "%,d duplicates %s, %,d quarantined %s%n",
                s.captureDate(), s.rawLines(), s.eventRows(), s.eventRecords(), s.receivedRows(),
                s.duplicateLines(), s.duplicates(), s.quarantinedLines(), s.quarantined());
    }

    static void printAggregate(AggregateJob.AggregateSummary s) {
        System.out.printf("aggregate %s: stats for %s, rows %s%n", s.date(), s.statDates(), s.rows());
        s.windowAlerts().forEach((table, alerts) -> alerts.forEach(alert ->
                System.out.printf("  ALERT %s: %s%n", table, alert)));
    }

    static void printSuppress(SuppressJob.SuppressSummary s) {
        System.out.printf("suppress %s: %,d addresses tracked, suppressed %s, changes %s%n",
                s.date(), s.addresses(), s.suppressed(), s.changes());
        if (s.sesImportLeftOut() > 0) {
            // The suppression list exists so that nobody is mailed again; one missing from SES must be seen.
            System.out.printf("  WARN: %,d suppressed address(es) could not go into ses-import.csv; see %s in"
                    + " exports/suppression/dt=%s%n", s.sesImportLeftOut(), SuppressionExports.SES_IMPORT_REJECTS, s.date());
        }
    }

    static void printAlerts(AlertsJob.AlertsSummary s) {
        System.out.printf("alerts %s: %,d alerting, %,d entered WARNING or AT_RISK, %s, %,d CloudWatch metric data%n",
                s.date(), s.alerting(), s.entered(),
                s.messageId() == null ? "no SNS message" : "SNS message " + s.messageId(), s.metrics());
    }

    static void printWhere(String warehouse, WarehouseCatalog catalog, LocalDate date) {
        String root = Locations.normalize(warehouse);
        String tables = Arrays.stream(Table.values()).map(Table::tableName)
                .collect(Collectors.joining(","));
        System.out.println("tables:  " + (catalog.mode() == CatalogMode.GLUE ? "Glue database " + catalog.database() + ": "
                : root + "/" + catalog.database() + "/") + "{" + tables + "} (Iceberg)");
        System.out.println("exports: " + SuppressionExports.folder(root, date));
        System.out.println("summary: " + Locations.runSummary(root, date));
    }
}
