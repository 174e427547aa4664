package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.SideBySide;
import io.sesanalytics.jobs.normalize.NormalizeJob;
import io.sesanalytics.jobs.normalize.NormalizeSummary;
import io.sesanalytics.jobs.publish.PublishJob;
import io.sesanalytics.jobs.suppress.SuppressJob;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nightly pipeline: for each capture date, oldest first, normalize, then aggregate and suppress side by
 * side (both read what normalize wrote, and each writes tables of its own); then publish once, after the last
 * date. Each night's step timings go into its run summary, the start-up into the last one's.
 */
public final class NightlyPipeline {
    private NightlyPipeline() {
    }

    /**
     * What to run, every step's settings validated before anything starts. The step configs carry the first
     * date (the publish config the last); each night runs them with its own date.
     */
    public record Config(List<LocalDate> dates, NormalizeJob.Config normalize, AggregateJob.Config aggregate,
                         SuppressJob.Config suppress, PublishJob.Config publish) {
        public Config {
            Objects.requireNonNull(normalize, "normalize");
            Objects.requireNonNull(aggregate, "aggregate");
            Objects.requireNonNull(suppress, "suppress");
            Objects.requireNonNull(publish, "publish");
            dates = List.copyOf(dates);
            if (dates.isEmpty()) {
                throw new IllegalArgumentException("no date to run");
            }
            for (int i = 1; i < dates.size(); i++) {
                if (!dates.get(i).isAfter(dates.get(i - 1))) {
                    throw new IllegalArgumentException("dates must be in order, each once: " + dates);
                }
            }
            if (Stream.of(aggregate.warehouse(), suppress.warehouse(), publish.warehouse()).anyMatch(w -> !w.equals(normalize.warehouse()))) {
                throw new IllegalArgumentException("every step must write the same warehouse");
            }
        }

        public String warehouse() {
            return normalize.warehouse();
        }

        public LocalDate lastDate() {
            return dates.get(dates.size() - 1);
        }
    }

    /** What one night did. */
    public record Night(LocalDate date, NormalizeSummary normalize, AggregateJob.AggregateSummary aggregate,
                        SuppressJob.SuppressSummary suppress, StepTimings timings) {
    }

    /** What the whole run did. */
    public record Result(List<Night> nights, PublishJob.PublishSummary publish, StepTimings publishTimings) {
    }

    /** Hears of each step as it ends, for a person watching the run. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        default void normalized(NormalizeSummary summary) {
        }

        default void aggregatedAndSuppressed(AggregateJob.AggregateSummary aggregate, SuppressJob.SuppressSummary suppress) {
        }

        default void nightEnded(LocalDate date, StepTimings timings) {
        }

        default void published(PublishJob.PublishSummary summary, StepTimings timings) {
        }
    }

    /**
     * Runs every night and the publish.
     *
     * @param startup the start-up's timings (JVM, SparkSession), kept in the last night's run summary
     */
    public static Result run(SparkSession spark, Config config, StepTimings startup, Progress progress) {
        List<Night> nights = new ArrayList<>();
        for (LocalDate date : config.dates()) {
            nights.add(night(spark, config, date, progress));
        }
        StepTimings publishTimings = new StepTimings();
        PublishJob.PublishSummary published = publishTimings.time("publish",
                () -> PublishJob.run(spark, config.publish().withDate(config.lastDate())));
        progress.published(published, publishTimings);
        putSection(spark, config, config.lastDate(), "startup_ms", startup.millis());
        return new Result(List.copyOf(nights), published, publishTimings);
    }

    private static Night night(SparkSession spark, Config config, LocalDate date, Progress progress) {
        StepTimings timings = new StepTimings();
        NormalizeSummary normalized = timings.time("normalize",
                () -> NormalizeJob.run(spark, config.normalize().withDate(date)));
        progress.normalized(normalized);
        SideBySide.Both<AggregateJob.AggregateSummary, SuppressJob.SuppressSummary> both = timings.timeSideBySide(
                "aggregate", () -> AggregateJob.run(spark, config.aggregate().withDate(date)),
                "suppress", () -> SuppressJob.run(spark, config.suppress().withDate(date)));
        progress.aggregatedAndSuppressed(both.first(), both.second());
        putSection(spark, config, date, "timings_ms", timings.millis());
        progress.nightEnded(date, timings);
        return new Night(date, normalized, both.first(), both.second(), timings);
    }

    private static void putSection(SparkSession spark, Config config, LocalDate date, String section, Map<String, Long> millis) {
        RunSummaries.putSection(spark, Locations.normalize(config.warehouse()), date, section, millis);
    }
}
