package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/** Daily counts of sending events per key and event date. Pure: Dataset in, Dataset out. */
public final class DailyMetrics {
    /** The count columns of {@link Schemas#DAILY_COUNTS}, in table order; the rates are derived from them. */
    public static final List<String> COUNTS = List.of(Schemas.DAILY_COUNTS.fieldNames());

    /** The distinct counts, each of the items of one event type: mails of sends, readers of opens and of clicks. */
    private static final Map<String, String> DISTINCT_COUNTS = Map.of(
            "messages", SEND.tableName(),
            "unique_opens", OPEN.tableName(),
            "unique_clicks", CLICK.tableName());

    private DailyMetrics() {
    }

    /**
     * Daily counts of {@link StatDimension#keyed} events. Columns: dimension, key, stat_date, then
     * {@link #COUNTS}.
     *
     * <p>The distinct counts (mails sent, readers who opened or clicked) are taken in two aggregations: first one
     * group per key, date and distinct item, with the plain counts of its events; then per key and date, the plain
     * counts summed and the items counted. Every event type has at most one kind of item, so one grouping serves
     * all three, where Spark would copy each event once per distinct count and once more for the plain counts.
     */
    public static Dataset<Row> counts(Dataset<Row> keyedEvents) {
        Map<String, Column> plain = plainCounts();
        Set<String> defined = new HashSet<>(plain.keySet());
        defined.addAll(DISTINCT_COUNTS.keySet());
        if (!defined.equals(Set.copyOf(COUNTS))) {
            throw new IllegalStateException("daily counts defined " + defined + ", the schema has " + COUNTS);
        }
        Column type = col("event_type");
        Column reader = concat_ws("\u0001", col("message_id"), coalesce(col("recipient"), lit("")));
        Column item = when(type.equalTo(SEND.tableName()), col("message_id"))
                .when(type.isin(OPEN.tableName(), CLICK.tableName()), reader);
        Column itemType = when(type.isin(DISTINCT_COUNTS.values().toArray()), type);
        List<Column> perItem = new ArrayList<>();
        plain.forEach((name, condition) -> perItem.add(count(when(condition, lit(1))).as(name)));
        Dataset<Row> items = keyedEvents
                .groupBy(col("dimension"), col("key"), col("event_date").as("stat_date"),
                        itemType.as("item_type"), item.as("item"))
                .agg(perItem.get(0), perItem.subList(1, perItem.size()).toArray(Column[]::new));
        Column[] columns = COUNTS.stream().map(name -> (plain.containsKey(name)
                ? coalesce(sum(col(name)), lit(0L))
                : count(when(col("item_type").equalTo(DISTINCT_COUNTS.get(name)).and(col("item").isNotNull()), lit(1))))
                .as(name)).toArray(Column[]::new);
        return items.groupBy(col("dimension"), col("key"), col("stat_date"))
                .agg(columns[0], Arrays.copyOfRange(columns, 1, columns.length));
    }

    /** The plain counts: how many events meet each condition. */
    private static Map<String, Column> plainCounts() {
        Column type = col("event_type");
        Map<String, Column> counts = new HashMap<>();
        counts.put("sends", type.equalTo(SEND.tableName()));
        counts.put("deliveries", type.equalTo(DELIVERY.tableName()));
        counts.put("rejects", type.equalTo(REJECT.tableName()));
        counts.put("bounces", type.equalTo(BOUNCE.tableName()));
        counts.put("permanent_bounces", bounce("Permanent"));
        counts.put("transient_bounces", bounce("Transient"));
        counts.put("undetermined_bounces", type.equalTo(BOUNCE.tableName())
                .and(col("bounce_type").isNull().or(col("bounce_type").equalTo("Undetermined"))));
        counts.put("complaints", type.equalTo(COMPLAINT.tableName()));
        counts.put("delivery_delays", type.equalTo("delivery_delay"));
        counts.put("opens", type.equalTo(OPEN.tableName()));
        counts.put("clicks", type.equalTo(CLICK.tableName()));
        counts.put("rendering_failures", type.equalTo("rendering_failure"));
        return counts;
    }

    private static Column bounce(String bounceType) {
        return col("event_type").equalTo(BOUNCE.tableName()).and(col("bounce_type").equalTo(bounceType));
    }
}
