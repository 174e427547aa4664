package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.alert.AlertsJob;
import io.sesanalytics.jobs.aggregate.ReputationThresholds;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.SideBySide;
import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.TableSnapshots;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import io.sesanalytics.jobs.normalize.NormalizeJob;
import io.sesanalytics.jobs.normalize.NormalizeRecord;
import io.sesanalytics.jobs.normalize.NormalizeSummary;
import io.sesanalytics.jobs.report.ReportJob;
import io.sesanalytics.jobs.sessync.SesSyncJob;
import io.sesanalytics.jobs.suppress.SuppressJob;
import io.sesanalytics.jobs.suppress.SuppressionRules;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The nightly pipeline: for each capture date, oldest first, normalize, then aggregate and suppress side by
 * side (both read what normalize wrote, and each writes tables of its own). Every table write is one Iceberg
 * commit, which is also its publication in the catalog; a night that fails puts the tables it committed back
 * to their snapshots before it. Each night's step timings and snapshots go into its run summary, the
 * start-up into the last one's. After a night's tables are committed come its alerts (SNS, CloudWatch) and its
 * HTML report, when configured; the SES suppression-list sync, when configured, is the run's last step.
 */
public final class NightlyPipeline {
    /** The run summary section naming the snapshots a night committed, or rolled back when it failed. */
    public static final String SNAPSHOTS = "snapshots";

    private NightlyPipeline() {
    }

    /**
     * What to run, every step's settings validated before anything starts. The step configs carry the first
     * date; each night runs them with its own date.
     */
    public record Config(List<LocalDate> dates, NormalizeJob.Config normalize, AggregateJob.Config aggregate,
                         SuppressJob.Config suppress, WarehouseCatalog catalog, AlertsJob.Config alerts,
                         SesSyncJob.Config sesSync, boolean report) {
        /** Without alerts, SES sync or report. */
        public Config(List<LocalDate> dates, NormalizeJob.Config normalize, AggregateJob.Config aggregate,
                      SuppressJob.Config suppress, WarehouseCatalog catalog) {
            this(dates, normalize, aggregate, suppress, catalog, null, null, false);
        }

        public Config {
            Objects.requireNonNull(normalize, "normalize");
            Objects.requireNonNull(aggregate, "aggregate");
            Objects.requireNonNull(suppress, "suppress");
            Objects.requireNonNull(catalog, "catalog");
            dates = List.copyOf(dates);
            if (dates.isEmpty()) {
                throw new IllegalArgumentException("no date to run");
            }
            for (int i = 1; i < dates.size(); i++) {
                if (!dates.get(i).isAfter(dates.get(i - 1))) {
                    throw new IllegalArgumentException("dates must be in order, each once: " + dates);
                }
            }
            if (alerts != null && !alerts.enabled()) {
                alerts = null;
            }
            if (Stream.of(aggregate.warehouse(), suppress.warehouse(),
                    alerts == null ? normalize.warehouse() : alerts.warehouse(),
                    sesSync == null ? normalize.warehouse() : sesSync.warehouse()).anyMatch(w -> !w.equals(normalize.warehouse()))) {
                throw new IllegalArgumentException("every step must write the same warehouse");
            }
        }

        /** Every step with its default settings, in the local catalog: for benchmarks and tests. */
        public static Config defaults(String raw, String warehouse, List<LocalDate> dates) {
            LocalDate first = dates.get(0);
            return new Config(dates,
                    new NormalizeJob.Config(raw, warehouse, first, NormalizeJob.DEFAULT_LOOKBACK_DAYS),
                    new AggregateJob.Config(warehouse, first, AggregateJob.DEFAULT_WINDOW_DAYS, AggregateJob.DEFAULT_TOP,
                            new ReputationThresholds(ReputationThresholds.DEFAULT_MIN_VOLUME)),
                    new SuppressJob.Config(warehouse, first, SuppressionRules.Settings.defaults()),
                    WarehouseCatalog.local());
        }

        public String warehouse() {
            return normalize.warehouse();
        }

        public LocalDate lastDate() {
            return dates.get(dates.size() - 1);
        }
    }

    /** What one night did; {@code normalize} is null where its captures were normalized before and had not changed. */
    public record Night(LocalDate date, NightPlan.Cause cause, NormalizeSummary normalize,
                        AggregateJob.AggregateSummary aggregate, SuppressJob.SuppressSummary suppress, StepTimings timings) {
    }

    /** What the whole run did. */
    public record Result(NightPlan plan, List<Night> nights) {
    }

    /** Hears of each step as it ends, for a person watching the run. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void planned(NightPlan plan) {
        }

        default void normalized(NormalizeSummary summary) {
        }

        default void aggregatedAndSuppressed(AggregateJob.AggregateSummary aggregate, SuppressJob.SuppressSummary suppress) {
        }

        default void nightEnded(LocalDate date, StepTimings timings) {
        }

        default void alerted(AlertsJob.AlertsSummary alerts) {
        }

        default void sesSynced(SesSyncJob.Outcome outcome) {
        }

        default void reported(LocalDate date, String location) {
        }
    }

    /**
     * Runs every night of the plan: the dates asked for, with the nights caught up before them and recomputed
     * after them.
     *
     * @param startup the start-up's timings (JVM, SparkSession), kept in the last asked night's run summary
     */
    public static Result run(SparkSession spark, Config config, StepTimings startup, Progress progress) {
        config.catalog().register(spark, config.warehouse());
        spark.conf().set(SparkSessions.RUN_ID, UUID.randomUUID().toString());
        NightPlan plan = NightPlan.of(config.dates(),
                new WarehouseHistory(spark, config.normalize().raw(), config.warehouse()));
        progress.planned(plan);
        // Nights about to be recomputed are stale from now on: a run stopped before it reaches them leaves them
        // to be caught up by the next one.
        plan.nights().stream().filter(night -> night.cause() != NightPlan.Cause.ASKED)
                .forEach(night -> forgetNight(spark, config, night.date()));
        List<Night> nights = new ArrayList<>();
        for (NightPlan.Night night : plan.nights()) {
            nights.add(night(spark, config, night, progress));
            // After the night's tables are committed, so that a failure to alert loses none of them. A recomputed
            // night was alerted on when it first ran.
            if (config.alerts() != null && night.cause() != NightPlan.Cause.RECOMPUTED) {
                progress.alerted(AlertsJob.run(spark, config.alerts().withDate(night.date())));
            }
            if (config.report()) {
                progress.reported(night.date(), ReportJob.run(spark, new ReportJob.Config(config.warehouse(), night.date(), null)));
            }
        }
        if (config.sesSync() != null) {
            // The last step: SES's list should hold the latest night's state.
            LocalDate last = plan.nights().get(plan.nights().size() - 1).date();
            progress.sesSynced(SesSyncJob.run(spark, config.sesSync().withDate(last)));
        }
        RunSummaries.putSection(spark, config.warehouse(), config.lastDate(), "catch_up", Map.of(
                "caught_up", plan.dates(NightPlan.Cause.CAUGHT_UP),
                "recomputed", plan.dates(NightPlan.Cause.RECOMPUTED)));
        RunSummaries.putSection(spark, config.warehouse(), config.lastDate(), "startup_ms", startup.millis());
        return new Result(plan, List.copyOf(nights));
    }

    private static Night night(SparkSession spark, Config config, NightPlan.Night planned, Progress progress) {
        LocalDate date = planned.date();
        StepTimings timings = new StepTimings();
        forgetNight(spark, config, date);
        TableSnapshots before = TableSnapshots.of(spark, config.warehouse());
        NormalizeSummary normalized = null;
        SideBySide.Both<AggregateJob.AggregateSummary, SuppressJob.SuppressSummary> both;
        try {
            if (planned.normalize()) {
                normalized = timings.time("normalize", () -> NormalizeJob.run(spark, config.normalize().withDate(date)));
                progress.normalized(normalized);
            }
            both = timings.timeSideBySide(
                    "aggregate", () -> AggregateJob.run(spark, config.aggregate().withDate(date)),
                    "suppress", () -> SuppressJob.run(spark, config.suppress().withDate(date)));
        } catch (Throwable e) {
            // Spark also throws checked exceptions (SparkException) from Scala code.
            try {
                Map<String, TableSnapshots.RolledBack> rolledBack = before.rollBack(spark, config.warehouse());
                if (planned.normalize()) {
                    // The night's rows are gone again: its captures must be normalized by the next run.
                    NormalizeRecord.forget(spark, config.warehouse(), date);
                }
                RunSummaries.putSection(spark, config.warehouse(), date, SNAPSHOTS, Map.of("rolled_back", rolledBack));
            } catch (RuntimeException rollBackFailure) {
                e.addSuppressed(rollBackFailure);
            }
            throw e;
        }
        progress.aggregatedAndSuppressed(both.first(), both.second());
        Map<String, Object> snapshots = new LinkedHashMap<>();
        snapshots.put("run_id", spark.conf().get(SparkSessions.RUN_ID));
        snapshots.put("committed", TableSnapshots.of(spark, config.warehouse()).madeSince(before));
        RunSummaries.putSection(spark, config.warehouse(), date, SNAPSHOTS, snapshots);
        RunSummaries.putSection(spark, config.warehouse(), date, "timings_ms", timings.millis());
        progress.nightEnded(date, timings);
        return new Night(date, planned.cause(), normalized, both.first(), both.second(), timings);
    }

    /** Until aggregate and suppress complete again for the date, it counts as a night that did not complete. */
    private static void forgetNight(SparkSession spark, Config config, LocalDate date) {
        RunSummaries.removeSections(spark, config.warehouse(), date, List.of("aggregate", "suppress"));
    }
}
