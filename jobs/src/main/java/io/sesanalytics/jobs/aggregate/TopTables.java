package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.sesanalytics.raw.SesEventType.SEND;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The top-N tables of one report date: senders, sender domains and destinations by distinct messages over
 * windows ending at that date, for sent mail (send events) and received mail. Pure.
 */
public final class TopTables {
    public static final List<Integer> WINDOWS = List.of(1, 7, 30);
    public static final String SENT = "sent";
    public static final String RECEIVED = "received";

    /** A ranked column and its top table. */
    public record Ranking(String keyColumn, Table table) {
    }

    public static final List<Ranking> RANKINGS = List.of(new Ranking("source_address", Table.TOP_SENDERS),
            new Ranking("source_domain", Table.TOP_SENDER_DOMAINS), new Ranking("destination", Table.TOP_DESTINATIONS));

    private TopTables() {
    }

    /** Send events of the longest window: the input of every "sent" ranking. */
    public static Dataset<Row> sends(Dataset<Row> events, LocalDate reportDate) {
        return inLongestWindow(events.filter(col("event_type").equalTo(SEND.tableName())), col("event_date"), reportDate)
                .select(col("event_date").as("day"), col("message_id"), col("source_address"), col("source_domain"),
                        col("recipient").as("destination"));
    }

    /** Received messages of the longest window, one row per destination. */
    public static Dataset<Row> receipts(Dataset<Row> receivedDestinations, LocalDate reportDate) {
        return inLongestWindow(receivedDestinations, col("receipt_date"), reportDate)
                .select(col("receipt_date").as("day"), col("message_id"), col("source_address"), col("source_domain"),
                        col("destination"));
    }

    /**
     * The rankings of every top table at once, of sent and received rows (columns day, message_id and the
     * key columns of the {@link #RANKINGS}). Columns: key_column, direction, window_days, key, messages, rank.
     */
    public static Dataset<Row> rankings(Dataset<Row> sent, Dataset<Row> received, LocalDate reportDate, int n) {
        Dataset<Row> counts = counted(keyed(sent), SENT, reportDate)
                .unionByName(counted(keyed(received), RECEIVED, reportDate));
        return TopN.rank(counts, n);
    }

    /** One top table's rows of the {@link #rankings}, in the table's columns. */
    public static Dataset<Row> table(Dataset<Row> rankings, Ranking ranking, LocalDate reportDate) {
        Dataset<Row> rows = rankings.filter(col("key_column").equalTo(lit(ranking.keyColumn())))
                .withColumnRenamed("key", ranking.keyColumn())
                .withColumn("report_date", lit(reportDate));
        return RollingRates.inTableOrder(rows, ranking.table());
    }

    /** Every row once per ranked column that it has a value in, as key_column and key. */
    private static Dataset<Row> keyed(Dataset<Row> rows) {
        Column[] keys = RANKINGS.stream()
                .map(r -> struct(lit(r.keyColumn()).as("key_column"), col(r.keyColumn()).as("key")))
                .toArray(Column[]::new);
        return rows.select(col("day"), col("message_id"), explode(array(keys)).as("by"))
                .select(col("day"), col("message_id"), col("by.key_column").as("key_column"), col("by.key").as("key"))
                .filter(col("key").isNotNull());
    }

    /**
     * Distinct messages per key in each window. The windows all end at the report date, so a message counts
     * in every window that reaches the latest day it has with the key: one pass finds that day, a second
     * counts per window, and no row is repeated per window.
     */
    private static Dataset<Row> counted(Dataset<Row> keyed, String direction, LocalDate reportDate) {
        Dataset<Row> latest = keyed.groupBy(col("key_column"), col("key"), col("message_id"))
                .agg(max("day").as("latest_day"));
        Column[] perWindow = WINDOWS.stream()
                .map(w -> count(when(col("latest_day").gt(lit(reportDate.minusDays(w))), lit(1))).as("in_" + w))
                .toArray(Column[]::new);
        Column[] windows = WINDOWS.stream()
                .map(w -> struct(lit(w).as("window_days"), col("in_" + w).as("messages")))
                .toArray(Column[]::new);
        return latest.groupBy(col("key_column"), col("key"))
                .agg(perWindow[0], Arrays.copyOfRange(perWindow, 1, perWindow.length))
                .select(col("key_column"), lit(direction).as("direction"), col("key"), explode(array(windows)).as("window"))
                .filter(col("window.messages").gt(0))
                .select(col("key_column"), col("direction"), col("window.window_days").as("window_days"), col("key"),
                        col("window.messages").as("messages"));
    }

    /**
     * Rows of the longest window ending at the report date, as captured by then: a report re-run later ranks
     * what it ranked the first time, not what late captures added since.
     */
    private static Dataset<Row> inLongestWindow(Dataset<Row> rows, Column day, LocalDate reportDate) {
        int longest = WINDOWS.get(WINDOWS.size() - 1);
        return rows.filter(day.leq(lit(reportDate)).and(day.gt(lit(reportDate.minusDays(longest))))
                .and(col("capture_date").leq(lit(reportDate))));
    }
}
