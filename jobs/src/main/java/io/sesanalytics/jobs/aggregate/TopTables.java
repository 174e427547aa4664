package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

/**
 * The top-N tables of one report date: senders, sender domains and destinations by distinct messages over
 * windows ending at that date, for sent mail (send events) and received mail. Pure.
 */
public final class TopTables {
    public static final List<Integer> WINDOWS = List.of(1, 7, 30);
    public static final String SENT = "sent";
    public static final String RECEIVED = "received";

    private TopTables() {
    }

    /** Send events of the longest window: the input of every "sent" ranking. */
    public static Dataset<Row> sends(Dataset<Row> events, LocalDate reportDate) {
        return inLongestWindow(events.filter(col("event_type").equalTo("send")), col("event_date"), reportDate)
                .select(col("event_date").as("day"), col("message_id"), col("source_address"), col("source_domain"),
                        col("recipient").as("destination"));
    }

    /** Received messages of the longest window, one row per destination. */
    public static Dataset<Row> receipts(Dataset<Row> receivedDestinations, LocalDate reportDate) {
        return inLongestWindow(receivedDestinations, col("receipt_date"), reportDate)
                .select(col("receipt_date").as("day"), col("message_id"), col("source_address"), col("source_domain"),
                        col("destination"));
    }

    /** One top table: ranks {@code keyColumn} in sent and received rows (columns day, message_id, key). */
    public static Dataset<Row> top(Dataset<Row> sent, Dataset<Row> received, String keyColumn, Table table,
                                   LocalDate reportDate, int n) {
        Dataset<Row> counts = counted(sent, keyColumn, SENT, reportDate)
                .unionByName(counted(received, keyColumn, RECEIVED, reportDate));
        return RollingRates.inTableOrder(TopN.rank(counts, keyColumn, n).withColumn("report_date", lit(reportDate)), table);
    }

    private static Dataset<Row> counted(Dataset<Row> rows, String keyColumn, String direction, LocalDate reportDate) {
        Column[] windows = WINDOWS.stream().map(w -> lit(w)).toArray(Column[]::new);
        return rows.filter(col(keyColumn).isNotNull())
                .withColumn("window_days", explode(array(windows)))
                .filter(col("day").gt(date_sub(lit(reportDate), col("window_days"))))
                .groupBy(lit(direction).as("direction"), col("window_days"), col(keyColumn))
                .agg(countDistinct("message_id").as("messages"));
    }

    private static Dataset<Row> inLongestWindow(Dataset<Row> rows, Column day, LocalDate reportDate) {
        int longest = WINDOWS.get(WINDOWS.size() - 1);
        return rows.filter(day.leq(lit(reportDate)).and(day.gt(lit(reportDate.minusDays(longest)))));
    }
}
