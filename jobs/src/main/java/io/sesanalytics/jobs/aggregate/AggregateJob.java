package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Checkpoints;
import io.sesanalytics.jobs.common.EventTimeWindow;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.SideBySide;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

/**
 * The aggregate job for one capture date: the daily stats of every event date that the date's captures
 * touched (and the rolling windows those dates reach), and the top-N tables of the date.
 */
public final class AggregateJob {
    private static final Logger LOG = LoggerFactory.getLogger(AggregateJob.class);
    public static final int DEFAULT_WINDOW_DAYS = 30;
    public static final int DEFAULT_TOP = 10;

    /**
     * @param warehouse  root of the tables
     * @param date       the capture date whose events are new
     * @param windowDays length of the rolling window of the rates
     * @param top        rows per ranking in the top-N tables
     * @param eventWindow the event dates a capture date may hold: no stats are computed for dates outside it
     */
    public record Config(String warehouse, LocalDate date, int windowDays, int top, ReputationThresholds thresholds,
                         EventTimeWindow eventWindow) {
        public Config {
            if (eventWindow == null) {
                eventWindow = EventTimeWindow.DEFAULT;
            }
            warehouse = Locations.normalize(warehouse);
            if (date == null) {
                throw new IllegalArgumentException("--date is required");
            }
            if (windowDays < 1 || windowDays > 366) {
                throw new IllegalArgumentException("--window-days must be between 1 and 366, not " + windowDays);
            }
            if (top < 1) {
                throw new IllegalArgumentException("--top must be at least 1, not " + top);
            }
        }

        /** Settings with the {@link EventTimeWindow#DEFAULT default} event window. */
        public Config(String warehouse, LocalDate date, int windowDays, int top, ReputationThresholds thresholds) {
            this(warehouse, date, windowDays, top, thresholds, EventTimeWindow.DEFAULT);
        }

        /** The same settings for another date. */
        public Config withDate(LocalDate other) {
            return new Config(warehouse, other, windowDays, top, thresholds, eventWindow);
        }
    }

    /** What the run wrote, for the run summary. */
    public record AggregateSummary(LocalDate date, List<LocalDate> statDates, Map<String, Long> rows,
                                   Map<String, List<String>> windowAlerts) {
    }

    private AggregateJob() {
    }

    public static AggregateSummary run(SparkSession spark, Config config) {
        Dataset<Row> allEvents = TableWriter.read(spark, Table.EVENTS, config.warehouse());
        List<LocalDate> statDates = statDates(
                TableWriter.partitions(spark, Table.EVENTS, config.warehouse()), config.date(), config.eventWindow());
        Dataset<Row> events = inReach(allEvents, statDates, config);
        // The stats and the rankings are independent queries over the same events, into tables of their own.
        SideBySide.Both<Map<String, Long>, StatsWritten> written = SideBySide.run("top tables",
                () -> writeTop(spark, events, config), () -> writeStats(spark, events, statDates, config));
        Map<String, Long> rows = new LinkedHashMap<>(written.second().rows());
        rows.putAll(written.first());
        AggregateSummary summary = new AggregateSummary(config.date(), statDates, rows, written.second().alerts());
        RunSummaries.putSection(spark, config.warehouse(), config.date(), "aggregate", summary);
        LOG.info("aggregated {}: stats for {} event date(s), {}", config.date(), statDates.size(), rows);
        return summary;
    }

    /** The rows written to each stats table, and per table the keys alerting on the date. */
    private record StatsWritten(Map<String, Long> rows, Map<String, List<String>> alerts) {
    }

    /** The daily stats of every dimension, computed by one query over the events and written table by table. */
    private static StatsWritten writeStats(SparkSession spark, Dataset<Row> events, List<LocalDate> statDates,
                                           Config config) {
        Map<StatDimension, List<LocalDate>> stored = new EnumMap<>(StatDimension.class);
        Column counted = lit(false);
        for (StatDimension dimension : StatDimension.values()) {
            stored.put(dimension, storedDates(spark, dimension, statDates, config));
            counted = counted.or(col("dimension").equalTo(lit(dimension.name()))
                    .and(col("event_date").isin(stored.get(dimension).toArray())));
        }
        Dataset<Row> fresh = DailyMetrics.counts(StatDimension.keyed(events).filter(not(counted)));
        Dataset<Row> storedCounts = storedCounts(spark, stored, config);
        Dataset<Row> daily = fresh.unionByName(storedCounts);
        Dataset<Row> stats = RollingRates.apply(daily, statDates, config.windowDays(), config.thresholds())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // Counted first, by all cores: the writes below read the stats in one task each.
            Map<String, Long> counts = new LinkedHashMap<>();
            stats.groupBy("dimension").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
            for (StatDimension dimension : StatDimension.values()) {
                // A stat date recomputed to no rows (its events moved away) loses its partition.
                TableWriter.replaceWhere(spark, RollingRates.inTableOrder(dimension.rowsOf(stats), dimension.table()),
                        dimension.table(), config.warehouse(), col("stat_date").isin(statDates.toArray()));
            }
            Map<String, List<String>> alerting = alerts(stats, config.date());
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, List<String>> alerts = new LinkedHashMap<>();
            for (StatDimension dimension : StatDimension.values()) {
                String table = dimension.table().tableName();
                rows.put(table, counts.getOrDefault(dimension.name(), 0L));
                alerts.put(table, alerting.getOrDefault(dimension.name(), List.of()));
            }
            return new StatsWritten(rows, alerts);
        } finally {
            stats.unpersist();
            Checkpoints.release(storedCounts);
        }
    }

    /**
     * The days before the first stat date that the rolling windows reach and whose stats an earlier run
     * wrote. Tonight's captures did not touch them, so their stored counts serve, and a night's cost does
     * not grow with the window; days without stored stats are counted from the events.
     */
    static List<LocalDate> storedDates(SparkSession spark, StatDimension dimension, List<LocalDate> statDates,
                                       Config config) {
        LocalDate first = statDates.get(0).minusDays(config.windowDays() - 1L);
        return TableWriter.partitionDates(spark, dimension.table(), config.warehouse(), "stat_date").stream()
                .filter(day -> !day.isBefore(first) && day.isBefore(statDates.get(0)))
                .toList();
    }

    /**
     * The stored daily counts of those days, as {@link DailyMetrics#counts} gives them; checkpointed, as the
     * stats are written back into the same tables (see {@link Checkpoints}: a lost executor must not lose them).
     */
    static Dataset<Row> storedCounts(SparkSession spark, Map<StatDimension, List<LocalDate>> days, Config config) {
        Dataset<Row> counts = null;
        for (StatDimension dimension : StatDimension.values()) {
            List<Column> columns = new ArrayList<>();
            columns.add(lit(dimension.name()).as("dimension"));
            columns.add(col(dimension.keyColumn()).as("key"));
            columns.add(col("stat_date"));
            DailyMetrics.COUNTS.forEach(c -> columns.add(col(c)));
            Dataset<Row> stored = TableWriter.read(spark, dimension.table(), config.warehouse())
                    .filter(col("stat_date").isin(days.get(dimension).toArray()))
                    .select(columns.toArray(Column[]::new));
            counts = counts == null ? stored : counts.unionByName(stored);
        }
        return Checkpoints.keep(counts, config.warehouse());
    }

    /**
     * The columns the stats and rankings read, of the event dates they may count: from the first stat date's
     * rolling window, or the longest ranking window, to the last stat date. Only the days they count are read.
     */
    static Dataset<Row> inReach(Dataset<Row> events, List<LocalDate> statDates, Config config) {
        LocalDate statsFrom = statDates.get(0).minusDays(config.windowDays() - 1L);
        LocalDate topFrom = config.date().minusDays(TopTables.WINDOWS.get(TopTables.WINDOWS.size() - 1) - 1L);
        LocalDate first = statsFrom.isBefore(topFrom) ? statsFrom : topFrom;
        LocalDate last = statDates.get(statDates.size() - 1);
        return events.filter(col("event_date").geq(lit(first)).and(col("event_date").leq(lit(last))))
                .select("event_date", "event_type", "bounce_type", "message_id", "recipient", "recipient_domain",
                        "source_address", "source_domain", "configuration_set");
    }

    /**
     * The event dates whose stats change: those of the events captured on the date, the date itself, and
     * every date after the earliest of them, whose rolling windows include it. The events' dates come from
     * the table's partitions ({@code event_date, capture_date}), read from its metadata
     * ({@link TableWriter#partitions}).
     * Dates outside the event window around the date are left out, even if rows of them exist (normalize
     * quarantines such events; rows written before it did, or with a wider window, must not make every night
     * recompute decades of stats).
     */
    static List<LocalDate> statDates(List<Row> eventPartitions, LocalDate date, EventTimeWindow window) {
        TreeSet<LocalDate> touched = new TreeSet<>();
        TreeSet<LocalDate> outside = new TreeSet<>();
        touched.add(date);
        for (Row partition : eventPartitions) {
            if (date.equals(partition.getAs("capture_date"))) {
                LocalDate eventDate = partition.getAs("event_date");
                (window.contains(eventDate, date) ? touched : outside).add(eventDate);
            }
        }
        if (!outside.isEmpty()) {
            LOG.warn("capture date {} holds events of {}, outside the event window ({}): no stats are computed for them",
                    date, outside, window);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = touched.first(); !d.isAfter(touched.last()); d = d.plusDays(1)) {
            dates.add(d);
        }
        return dates;
    }

    /** Per dimension, the keys whose rolling-window status on the date is WARNING or AT_RISK, in key order. */
    private static Map<String, List<String>> alerts(Dataset<Row> stats, LocalDate date) {
        Column alarming = col("window_bounce_status").isin("WARNING", "AT_RISK")
                .or(col("window_complaint_status").isin("WARNING", "AT_RISK"));
        Map<String, List<String>> alerts = new HashMap<>();
        stats.filter(col("stat_date").equalTo(lit(date)).and(alarming))
                .select("dimension", "key", "window_bounce_status", "window_complaint_status")
                .orderBy("dimension", "key")
                .collectAsList()
                .forEach(r -> alerts.computeIfAbsent(r.getString(0), d -> new ArrayList<>())
                        .add(r.getString(1) + " bounce " + r.getString(2) + ", complaint " + r.getString(3)));
        return alerts;
    }

    /** The top-N tables, ranked by one query; returns the rows written to each. */
    private static Map<String, Long> writeTop(SparkSession spark, Dataset<Row> events, Config config) {
        Dataset<Row> received = TopTables.receipts(
                TableWriter.read(spark, Table.RECEIVED_DESTINATIONS, config.warehouse()), config.date());
        Dataset<Row> rankings = TopTables.rankings(TopTables.sends(events, config.date()), received, config.date(),
                config.top()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> counts = new HashMap<>();
            rankings.groupBy("key_column").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
            Map<String, Long> rows = new LinkedHashMap<>();
            for (TopTables.Ranking ranking : TopTables.RANKINGS) {
                TableWriter.replaceWhere(spark, TopTables.table(rankings, ranking, config.date()), ranking.table(),
                        config.warehouse(), col("report_date").equalTo(lit(config.date())));
                rows.put(ranking.table().tableName(), counts.getOrDefault(ranking.keyColumn(), 0L));
            }
            return rows;
        } finally {
            rankings.unpersist();
        }
    }
}
