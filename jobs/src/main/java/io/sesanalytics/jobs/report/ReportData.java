package io.sesanalytics.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.jobs.aggregate.TopTables;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;

/**
 * The report's data, read from the tables: the {@value #DAYS} days ending at the date, as one JSON object whose
 * series are aligned to its {@code dates} (null where a day has no row).
 */
public final class ReportData {
    public static final int DAYS = 30;
    /** Keys per chart of rates: the largest by volume over the days. */
    static final int KEYS = 10;
    static final List<String> EVENT_COUNTS = List.of("sends", "deliveries", "bounces", "complaints", "rejects",
            "delivery_delays", "opens", "clicks", "rendering_failures");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportData() {
    }

    public static ObjectNode of(SparkSession spark, String warehouse, LocalDate date) {
        LocalDate from = date.minusDays(DAYS - 1L);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(date); d = d.plusDays(1)) {
            dates.add(d);
        }
        ObjectNode data = NODES.objectNode();
        data.put("date", date.toString());
        data.put("from", from.toString());
        ArrayNode days = data.putArray("dates");
        dates.forEach(d -> days.add(d.toString()));

        // The stats of the days, a row per key and day, are few: each table is read once, and its charts are
        // computed here rather than by a Spark query each.
        List<DayStats> domains = stats(spark, warehouse, Table.DOMAIN_DAILY_STATS, "source_domain", from, date);
        ObjectNode rates = data.putObject("rates");
        rates.set("overall", overallRates(domains, dates));
        rates.set("sender_domains", keyRates(domains, dates));
        rates.set("configuration_sets", keyRates(
                stats(spark, warehouse, Table.CONFIGURATION_SET_DAILY_STATS, "configuration_set", from, date), dates));
        data.set("volume", volume(domains, dates));

        data.set("top", top(spark, warehouse, date));
        data.set("suppression", suppression(spark, warehouse, from, date, dates));
        data.set("quarantine", quarantine(spark, warehouse, from, date));
        return data;
    }

    /** One key's row of a daily stats table: the columns the charts read. */
    private record DayStats(String key, LocalDate date, Long rateBasis, Long windowRateBasis,
                            Long windowPermanentBounces, Long windowComplaints, Double windowBounceRate,
                            Double windowComplaintRate, List<Long> eventCounts) {
    }

    private static List<DayStats> stats(SparkSession spark, String warehouse, Table table, String keyColumn,
                                        LocalDate from, LocalDate date) {
        if (!TableWriter.exists(spark, table, warehouse)) {
            return List.of();
        }
        List<Column> columns = new ArrayList<>(List.of(col(keyColumn), col("stat_date"), col("rate_basis"),
                col("window_rate_basis"), col("window_permanent_bounces"), col("window_complaints"),
                col("window_bounce_rate"), col("window_complaint_rate")));
        int firstCount = columns.size();
        EVENT_COUNTS.forEach(c -> columns.add(col(c)));
        return TableWriter.read(spark, table, warehouse)
                .filter(col("stat_date").geq(lit(from)).and(col("stat_date").leq(lit(date))))
                .select(columns.toArray(Column[]::new))
                .collectAsList().stream()
                .map(r -> {
                    List<Long> counts = new ArrayList<>();
                    for (int i = 0; i < EVENT_COUNTS.size(); i++) {
                        counts.add(longOrNull(r, firstCount + i));
                    }
                    return new DayStats(r.isNullAt(0) ? null : r.getString(0), r.getAs(1), longOrNull(r, 2),
                            longOrNull(r, 3), longOrNull(r, 4), longOrNull(r, 5), doubleOrNull(r, 6),
                            doubleOrNull(r, 7), counts);
                })
                .toList();
    }

    private static Long longOrNull(Row r, int field) {
        return r.isNullAt(field) ? null : r.getLong(field);
    }

    private static Double doubleOrNull(Row r, int field) {
        return r.isNullAt(field) ? null : r.getDouble(field);
    }

    /** A sum as SQL takes it: of the values present, null when there are none. */
    private static Long sum(Long total, Long value) {
        return value == null ? total : total == null ? value : total + value;
    }

    /** Every sender domain's window counts added up: each event has one sender domain, so these are the account's. */
    private static ObjectNode overallRates(List<DayStats> domains, List<LocalDate> dates) {
        Map<LocalDate, Long[]> byDate = new HashMap<>();
        for (DayStats row : domains) {
            Long[] sums = byDate.computeIfAbsent(row.date(), d -> new Long[3]);
            sums[0] = sum(sums[0], row.windowPermanentBounces());
            sums[1] = sum(sums[1], row.windowComplaints());
            sums[2] = sum(sums[2], row.windowRateBasis());
        }
        ObjectNode overall = NODES.objectNode();
        ArrayNode bounce = overall.putArray("bounce");
        ArrayNode complaint = overall.putArray("complaint");
        for (LocalDate d : dates) {
            Long[] sums = byDate.get(d);
            long basis = sums == null || sums[2] == null ? 0 : sums[2];
            if (basis == 0) {
                bounce.addNull();
                complaint.addNull();
            } else {
                bounce.add(percent((double) sums[0] / basis));
                complaint.add(percent((double) sums[1] / basis));
            }
        }
        return overall;
    }

    /**
     * Per key (the {@value #KEYS} largest by volume, ties in the order of the keys' UTF-8 bytes, as Spark sorts
     * strings), the window rates in percent.
     */
    private static ObjectNode keyRates(List<DayStats> stats, List<LocalDate> dates) {
        Map<String, Long> volumes = new HashMap<>();
        for (DayStats row : stats) {
            volumes.put(row.key(), sum(volumes.get(row.key()), row.rateBasis()));
        }
        Comparator<String> keyOrder = Comparator.nullsFirst(Comparator.comparing(UTF8String::fromString));
        List<String> keys = volumes.keySet().stream()
                .sorted(Comparator.comparing((String key) -> volumes.get(key),
                        Comparator.nullsLast(Comparator.<Long>reverseOrder())).thenComparing(keyOrder))
                .limit(KEYS)
                .map(key -> key == null ? "" : key)
                .toList();
        Map<String, Map<LocalDate, DayStats>> rows = new LinkedHashMap<>();
        keys.forEach(k -> rows.put(k, new LinkedHashMap<>()));
        for (DayStats row : stats) {
            if (row.key() != null && rows.containsKey(row.key())) {
                rows.get(row.key()).put(row.date(), row);
            }
        }
        ObjectNode byKey = NODES.objectNode();
        rows.forEach((key, byDate) -> {
            ObjectNode series = byKey.putObject(key.isEmpty() ? "(none)" : key);
            ArrayNode bounce = series.putArray("bounce");
            ArrayNode complaint = series.putArray("complaint");
            for (LocalDate d : dates) {
                DayStats row = byDate.get(d);
                addRate(bounce, row == null ? null : row.windowBounceRate());
                addRate(complaint, row == null ? null : row.windowComplaintRate());
            }
        });
        return byKey;
    }

    private static void addRate(ArrayNode series, Double rate) {
        if (rate == null) {
            series.addNull();
        } else {
            series.add(percent(rate));
        }
    }

    private static double percent(double ratio) {
        return Math.round(ratio * 100 * 10_000) / 10_000.0;
    }

    private static ObjectNode volume(List<DayStats> domains, List<LocalDate> dates) {
        Map<LocalDate, Long[]> byDate = new HashMap<>();
        for (DayStats row : domains) {
            Long[] sums = byDate.computeIfAbsent(row.date(), d -> new Long[EVENT_COUNTS.size()]);
            for (int i = 0; i < sums.length; i++) {
                sums[i] = sum(sums[i], row.eventCounts().get(i));
            }
        }
        ObjectNode volume = NODES.objectNode();
        for (int i = 0; i < EVENT_COUNTS.size(); i++) {
            ArrayNode series = volume.putArray(EVENT_COUNTS.get(i));
            for (LocalDate d : dates) {
                Long[] sums = byDate.get(d);
                series.add(sums == null || sums[i] == null ? 0 : sums[i]);
            }
        }
        return volume;
    }

    /** The top tables' 30-day rankings of sent mail on the date, read in one query. */
    private static ObjectNode top(SparkSession spark, String warehouse, LocalDate date) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        TopTables.RANKINGS.forEach(ranking -> rows.put(ranking.table().tableName(), new ArrayList<>()));
        Dataset<Row> ranked = null;
        for (TopTables.Ranking ranking : TopTables.RANKINGS) {
            if (!TableWriter.exists(spark, ranking.table(), warehouse)) {
                continue;
            }
            Dataset<Row> one = TableWriter.read(spark, ranking.table(), warehouse)
                    .filter(col("report_date").equalTo(lit(date)).and(col("direction").equalTo(TopTables.SENT))
                            .and(col("window_days").equalTo(DAYS)))
                    .select(lit(ranking.table().tableName()).as("ranking"), col(ranking.keyColumn()).as("key"),
                            col("messages"), col("rank"));
            ranked = ranked == null ? one : ranked.unionAll(one);
        }
        if (ranked != null) {
            ranked.collectAsList().forEach(r -> rows.get(r.getString(0)).add(r));
        }
        ObjectNode top = NODES.objectNode();
        rows.forEach((table, ranks) -> {
            ArrayNode ordered = top.putArray(table);
            // Ranks are a row number: unique within a ranking.
            ranks.stream().sorted(Comparator.comparingInt((Row r) -> r.getInt(3))).forEach(r -> ordered.addObject()
                    .put("key", r.isNullAt(1) ? "" : r.getString(1)).put("messages", r.getLong(2)));
        });
        return top;
    }

    private static ObjectNode suppression(SparkSession spark, String warehouse, LocalDate from, LocalDate date,
                                          List<LocalDate> dates) {
        Map<String, Map<LocalDate, Long>> counts = new LinkedHashMap<>();
        for (String change : List.of("added", "renewed", "released")) {
            counts.put(change, new LinkedHashMap<>());
        }
        if (TableWriter.exists(spark, Table.SUPPRESSION_HISTORY, warehouse)) {
            TableWriter.read(spark, Table.SUPPRESSION_HISTORY, warehouse)
                    .filter(col("change_date").geq(lit(from)).and(col("change_date").leq(lit(date))))
                    .groupBy("change", "change_date").agg(count(lit(1))).collectAsList()
                    .forEach(r -> counts.computeIfAbsent(r.getString(0), c -> new LinkedHashMap<>()).put(r.getAs(1), r.getLong(2)));
        }
        ObjectNode suppression = NODES.objectNode();
        counts.forEach((change, byDate) -> {
            ArrayNode series = suppression.putArray(change);
            dates.forEach(d -> series.add(byDate.getOrDefault(d, 0L)));
        });
        return suppression;
    }

    private static ArrayNode quarantine(SparkSession spark, String warehouse, LocalDate from, LocalDate date) {
        ArrayNode rows = NODES.arrayNode();
        if (!TableWriter.exists(spark, Table.QUARANTINE, warehouse)) {
            return rows;
        }
        TableWriter.read(spark, Table.QUARANTINE, warehouse)
                .filter(col("capture_date").geq(lit(from)).and(col("capture_date").leq(lit(date))))
                .groupBy("reason").agg(count(lit(1)).as("lines")).orderBy(desc("lines"), col("reason")).collectAsList()
                .forEach(r -> rows.addObject().put("reason", r.getString(0)).put("lines", r.getLong(1)));
        return rows;
    }
}
