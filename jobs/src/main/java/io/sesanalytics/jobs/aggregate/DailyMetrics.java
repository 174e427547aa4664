package io.sesanalytics.jobs.aggregate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** Daily counts of sending events per key and event date. Pure: Dataset in, Dataset out. */
public final class DailyMetrics {
    /** The count columns, in table order; the rate and window columns are derived from them. */
    public static final List<String> COUNTS = List.of("sends", "messages", "deliveries", "rejects", "bounces",
            "permanent_bounces", "transient_bounces", "undetermined_bounces", "complaints", "delivery_delays",
            "opens", "unique_opens", "clicks", "unique_clicks", "rendering_failures");

    private DailyMetrics() {
    }

    /**
     * Daily counts of {@link StatDimension#keyed} events. Columns: dimension, key, stat_date, then
     * {@link #COUNTS}.
     */
    public static Dataset<Row> counts(Dataset<Row> keyedEvents) {
        Column type = col("event_type");
        Column reader = concat_ws("\u0001", col("message_id"), coalesce(col("recipient"), lit("")));
        return keyedEvents.groupBy(col("dimension"), col("key"), col("event_date").as("stat_date")).agg(
                countOf(type.equalTo("send")).as("sends"),
                countDistinct(when(type.equalTo("send"), col("message_id"))).as("messages"),
                countOf(type.equalTo("delivery")).as("deliveries"),
                countOf(type.equalTo("reject")).as("rejects"),
                countOf(type.equalTo("bounce")).as("bounces"),
                countOf(bounce("Permanent")).as("permanent_bounces"),
                countOf(bounce("Transient")).as("transient_bounces"),
                countOf(type.equalTo("bounce").and(col("bounce_type").isNull().or(col("bounce_type").equalTo("Undetermined"))))
                        .as("undetermined_bounces"),
                countOf(type.equalTo("complaint")).as("complaints"),
                countOf(type.equalTo("delivery_delay")).as("delivery_delays"),
                countOf(type.equalTo("open")).as("opens"),
                countDistinct(when(type.equalTo("open"), reader)).as("unique_opens"),
                countOf(type.equalTo("click")).as("clicks"),
                countDistinct(when(type.equalTo("click"), reader)).as("unique_clicks"),
                countOf(type.equalTo("rendering_failure")).as("rendering_failures"));
    }

    private static Column bounce(String bounceType) {
        return col("event_type").equalTo("bounce").and(col("bounce_type").equalTo(bounceType));
    }

    private static Column countOf(Column condition) {
        return count(when(condition, lit(1)));
    }
}
