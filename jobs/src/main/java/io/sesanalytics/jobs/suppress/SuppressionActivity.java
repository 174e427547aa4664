package io.sesanalytics.jobs.suppress;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;

import static io.sesanalytics.raw.SesEventType.BOUNCE;
import static io.sesanalytics.raw.SesEventType.COMPLAINT;
import static io.sesanalytics.raw.SesEventType.DELIVERY;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * What the events captured in a range of capture dates say about each recipient: the input of the
 * suppression rules. Pure: Dataset in, Dataset out.
 */
public final class SuppressionActivity {
    private SuppressionActivity() {
    }

    /**
     * One row per recipient with a bounce, complaint or delivery captured after {@code after} (exclusive;
     * null for no lower bound) up to {@code upTo} (inclusive), among the recipients the rules can act on:
     * those with a bounce or complaint in the range, and those {@code listed} (a column {@code address}).
     * Deliveries to any other address cannot change the list, and they are most of the events.
     * Columns: address, permanent_bounces, transient_bounces, complaints, deliveries (sorted event times),
     * last_diagnostic (struct of at, code), sending_domains, and suppressing (whether any bounce or complaint
     * is among them).
     */
    public static Dataset<Row> of(Dataset<Row> events, Dataset<Row> listed, LocalDate after, LocalDate upTo) {
        Column captured = col("capture_date").leq(lit(upTo));
        if (after != null) {
            captured = captured.and(col("capture_date").gt(lit(after)));
        }
        Column type = col("event_type");
        Column bounce = type.equalTo(BOUNCE.tableName());
        Column negative = bounce.or(type.equalTo(COMPLAINT.tableName()));
        Dataset<Row> rows = events.filter(captured.and(col("recipient").isNotNull())
                .and(type.isin(BOUNCE.tableName(), COMPLAINT.tableName(), DELIVERY.tableName())));
        Dataset<Row> concerned = rows.filter(negative).select(col("recipient").as("address"))
                .unionByName(listed.select("address"));
        return rows.join(concerned, col("recipient").equalTo(col("address")), "left_semi")
                .groupBy(col("recipient").as("address"))
                .agg(timesOf(bounce.and(col("bounce_type").equalTo("Permanent"))).as("permanent_bounces"),
                        timesOf(bounce.and(col("bounce_type").equalTo("Transient"))).as("transient_bounces"),
                        timesOf(type.equalTo(COMPLAINT.tableName())).as("complaints"),
                        timesOf(type.equalTo(DELIVERY.tableName())).as("deliveries"),
                        max(when(bounce.and(col("diagnostic_code").isNotNull()),
                                struct(col("event_time").as("at"), col("diagnostic_code").as("code"))))
                                .as("last_diagnostic"),
                        array_sort(collect_set(when(negative, col("source_domain")))).as("sending_domains"),
                        max(negative).as("suppressing"));
    }

    private static Column timesOf(Column condition) {
        return array_sort(collect_list(when(condition, col("event_time"))));
    }
}
