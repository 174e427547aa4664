package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

/** The output tables of the normalize job, taken from resolved lines. Pure: no I/O. */
public final class NormalizeOutputs {
    private NormalizeOutputs() {
    }

    /**
     * One row per parsed line with everything but its event rows, which make up most of a line's bytes: what
     * deduplication, the run summary and the record keys read, and the few received and quarantined lines whole.
     * {@code event_count} and {@code destination_count} stand in for the sizes of the event rows and of the
     * received row's destinations.
     */
    public static Dataset<Row> lineIndex(Dataset<Row> parsed) {
        return parsed.select(col("line_id"), col("capture_date"), col("source_file"), col("status"),
                col("sns_message_id"), col("record_key"), col("format_rank"), col("reason"), col("reason_detail"),
                col("raw_line"), col("received"),
                when(col("events").isNull(), lit(0)).otherwise(size(col("events"))).as("event_count"),
                when(col("received").isNull(), lit(0)).otherwise(size(col("received.destinations"))).as("destination_count"));
    }

    public static Dataset<Row> events(Dataset<Row> resolved) {
        return ordered(written(resolved, SesLineParser.EVENT)
                .select(explode(col("events")).as("event"), col("capture_date"))
                .select(col("event.*"), col("capture_date")), Table.EVENTS);
    }

    public static Dataset<Row> received(Dataset<Row> resolved) {
        return ordered(written(resolved, SesLineParser.RECEIVED)
                .select(col("received.*"), col("capture_date")), Table.RECEIVED);
    }

    public static Dataset<Row> receivedDestinations(Dataset<Row> received) {
        Dataset<Row> unnested = received
                .select(col("message_id"), col("receipt_time"), col("receipt_date"), col("source_address"),
                        col("source_domain"), explode(col("destinations")).as("destination"), col("capture_date"));
        Column domain = substring_index(col("destination"), "@", -1);
        return ordered(unnested.withColumn("destination_domain",
                when(col("destination").contains("@"), domain)), Table.RECEIVED_DESTINATIONS);
    }

    public static Dataset<Row> quarantine(Dataset<Row> resolved) {
        return ordered(resolved.filter(col("outcome").equalTo(Deduplication.QUARANTINED)), Table.QUARANTINE);
    }

    private static Dataset<Row> written(Dataset<Row> resolved, String status) {
        return resolved.filter(col("outcome").equalTo(Deduplication.WRITTEN).and(col("status").equalTo(status)));
    }

    /** Selects the table's columns in its schema's order, with their comments, so every writer and reader agrees. */
    private static Dataset<Row> ordered(Dataset<Row> rows, Table table) {
        return rows.select(Arrays.stream(table.schema().fields())
                .map(field -> col(field.name()).as(field.name(), field.metadata()))
                .toArray(Column[]::new));
    }
}
