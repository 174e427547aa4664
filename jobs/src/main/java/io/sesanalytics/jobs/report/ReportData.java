package io.sesanalytics.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

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

        Dataset<Row> domains = stats(spark, warehouse, Table.DOMAIN_DAILY_STATS, from, date);
        ObjectNode rates = data.putObject("rates");
        rates.set("overall", overallRates(domains, dates));
        rates.set("sender_domains", keyRates(domains, "source_domain", dates));
        rates.set("configuration_sets", keyRates(stats(spark, warehouse, Table.CONFIGURATION_SET_DAILY_STATS, from, date),
                "configuration_set", dates));
        data.set("volume", volume(domains, dates));

        ObjectNode top = data.putObject("top");
        top.set("top_senders", top(spark, warehouse, Table.TOP_SENDERS, "source_address", date));
        top.set("top_sender_domains", top(spark, warehouse, Table.TOP_SENDER_DOMAINS, "source_domain", date));
        top.set("top_destinations", top(spark, warehouse, Table.TOP_DESTINATIONS, "destination", date));
        data.set("suppression", suppression(spark, warehouse, from, date, dates));
        data.set("quarantine", quarantine(spark, warehouse, from, date));
        return data;
    }

    private static Dataset<Row> stats(SparkSession spark, String warehouse, Table table, LocalDate from, LocalDate date) {
        if (!TableWriter.exists(spark, table, warehouse)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        return TableWriter.read(spark, table, warehouse)
                .filter(col("stat_date").geq(lit(from)).and(col("stat_date").leq(lit(date))));
    }

    /** Every sender domain's window counts added up: each event has one sender domain, so these are the account's. */
    private static ObjectNode overallRates(Dataset<Row> domains, List<LocalDate> dates) {
        Map<LocalDate, Row> byDate = new LinkedHashMap<>();
        domains.groupBy("stat_date").agg(sum("window_permanent_bounces"), sum("window_complaints"), sum("window_rate_basis"))
                .collectAsList().forEach(r -> byDate.put(r.getAs(0), r));
        ObjectNode overall = NODES.objectNode();
        ArrayNode bounce = overall.putArray("bounce");
        ArrayNode complaint = overall.putArray("complaint");
        for (LocalDate d : dates) {
            Row r = byDate.get(d);
            long basis = r == null || r.isNullAt(3) ? 0 : r.getLong(3);
            if (basis == 0) {
                bounce.addNull();
                complaint.addNull();
            } else {
                bounce.add(percent((double) r.getLong(1) / basis));
                complaint.add(percent((double) r.getLong(2) / basis));
            }
        }
        return overall;
    }

    /** Per key (the {@value #KEYS} largest by volume), the window rates in percent. */
    private static ObjectNode keyRates(Dataset<Row> stats, String keyColumn, List<LocalDate> dates) {
        List<String> keys = stats.groupBy(keyColumn).agg(sum("rate_basis").as("volume"))
                .orderBy(desc("volume"), col(keyColumn)).limit(KEYS).collectAsList().stream()
                .map(r -> r.isNullAt(0) ? "" : r.getString(0)).toList();
        Map<String, Map<LocalDate, Row>> rows = new LinkedHashMap<>();
        keys.forEach(k -> rows.put(k, new LinkedHashMap<>()));
        stats.filter(col(keyColumn).isin(keys.toArray()))
                .select(col(keyColumn), col("stat_date"), col("window_bounce_rate"), col("window_complaint_rate"))
                .collectAsList().forEach(r -> rows.get(r.getString(0)).put(r.getAs(1), r));
        ObjectNode byKey = NODES.objectNode();
        rows.forEach((key, byDate) -> {
            ObjectNode series = byKey.putObject(key.isEmpty() ? "(none)" : key);
            ArrayNode bounce = series.putArray("bounce");
            ArrayNode complaint = series.putArray("complaint");
            for (LocalDate d : dates) {
                Row r = byDate.get(d);
                addRate(bounce, r, 2);
                addRate(complaint, r, 3);
            }
        });
        return byKey;
    }

    private static void addRate(ArrayNode series, Row r, int field) {
        if (r == null || r.isNullAt(field)) {
            series.addNull();
        } else {
            series.add(percent(r.getDouble(field)));
        }
    }

    private static double percent(double ratio) {
        return Math.round(ratio * 100 * 10_000) / 10_000.0;
    }

    private static ObjectNode volume(Dataset<Row> domains, List<LocalDate> dates) {
        Column[] sums = EVENT_COUNTS.stream().map(c -> sum(c).as(c)).toArray(Column[]::new);
        Map<LocalDate, Row> byDate = new LinkedHashMap<>();
        domains.groupBy("stat_date").agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length))
                .collectAsList().forEach(r -> byDate.put(r.getAs(0), r));
        ObjectNode volume = NODES.objectNode();
        for (int i = 0; i < EVENT_COUNTS.size(); i++) {
            ArrayNode series = volume.putArray(EVENT_COUNTS.get(i));
            for (LocalDate d : dates) {
                Row r = byDate.get(d);
                if (r == null || r.isNullAt(i + 1)) {
                    series.add(0);
                } else {
                    series.add(r.getLong(i + 1));
                }
            }
        }
        return volume;
    }

    /** The 30-day ranking of sent mail on the date. */
    private static ArrayNode top(SparkSession spark, String warehouse, Table table, String keyColumn, LocalDate date) {
        ArrayNode rows = NODES.arrayNode();
        if (!TableWriter.exists(spark, table, warehouse)) {
            return rows;
        }
        TableWriter.read(spark, table, warehouse)
                .filter(col("report_date").equalTo(lit(date)).and(col("direction").equalTo("sent"))
                        .and(col("window_days").equalTo(DAYS)))
                .orderBy("rank").select(col(keyColumn), col("messages")).collectAsList()
                .forEach(r -> rows.addObject().put("key", r.isNullAt(0) ? "" : r.getString(0)).put("messages", r.getLong(1)));
        return rows;
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
