package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sesanalytics.raw.SesEventType.BOUNCE;
import static io.sesanalytics.raw.SesEventType.CLICK;
import static io.sesanalytics.raw.SesEventType.COMPLAINT;
import static io.sesanalytics.raw.SesEventType.DELIVERY;
import static io.sesanalytics.raw.SesEventType.OPEN;
import static io.sesanalytics.raw.SesEventType.REJECT;
import static io.sesanalytics.raw.SesEventType.SEND;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** Daily counts of sending events per key and event date. Pure: Dataset in, Dataset out. */
public final class DailyMetrics {
    /** The count columns of {@link Schemas#DAILY_COUNTS}, in table order; the rates are derived from them. */
    public static final List<String> COUNTS = List.of(Schemas.DAILY_COUNTS.fieldNames());

    private DailyMetrics() {
    }

    /**
     * Daily counts of {@link StatDimension#keyed} events. Columns: dimension, key, stat_date, then
     * {@link #COUNTS}.
     */
    public static Dataset<Row> counts(Dataset<Row> keyedEvents) {
        Map<String, Column> counts = definitions();
        if (!counts.keySet().equals(Set.copyOf(COUNTS))) {
            throw new IllegalStateException("daily counts defined " + counts.keySet() + ", the schema has " + COUNTS);
        }
        Column[] columns = COUNTS.stream().map(name -> counts.get(name).as(name)).toArray(Column[]::new);
        return keyedEvents.groupBy(col("dimension"), col("key"), col("event_date").as("stat_date"))
                .agg(columns[0], Arrays.copyOfRange(columns, 1, columns.length));
    }

    /** How each count is taken from the events. */
    private static Map<String, Column> definitions() {
        Column type = col("event_type");
        Column reader = concat_ws("\u0001", col("message_id"), coalesce(col("recipient"), lit("")));
        Map<String, Column> counts = new HashMap<>();
        counts.put("sends", countOf(type.equalTo(SEND.tableName())));
        counts.put("messages", countDistinct(when(type.equalTo(SEND.tableName()), col("message_id"))));
        counts.put("deliveries", countOf(type.equalTo(DELIVERY.tableName())));
        counts.put("rejects", countOf(type.equalTo(REJECT.tableName())));
        counts.put("bounces", countOf(type.equalTo(BOUNCE.tableName())));
        counts.put("permanent_bounces", countOf(bounce("Permanent")));
        counts.put("transient_bounces", countOf(bounce("Transient")));
        counts.put("undetermined_bounces", countOf(type.equalTo(BOUNCE.tableName())
                .and(col("bounce_type").isNull().or(col("bounce_type").equalTo("Undetermined")))));
        counts.put("complaints", countOf(type.equalTo(COMPLAINT.tableName())));
        counts.put("delivery_delays", countOf(type.equalTo("delivery_delay")));
        counts.put("opens", countOf(type.equalTo(OPEN.tableName())));
        counts.put("unique_opens", countDistinct(when(type.equalTo(OPEN.tableName()), reader)));
        counts.put("clicks", countOf(type.equalTo(CLICK.tableName())));
        counts.put("unique_clicks", countDistinct(when(type.equalTo(CLICK.tableName()), reader)));
        counts.put("rendering_failures", countOf(type.equalTo("rendering_failure")));
        return counts;
    }

    private static Column bounce(String bounceType) {
        return col("event_type").equalTo(BOUNCE.tableName()).and(col("bounce_type").equalTo(bounceType));
    }

    private static Column countOf(Column condition) {
        return count(when(condition, lit(1)));
    }
}
