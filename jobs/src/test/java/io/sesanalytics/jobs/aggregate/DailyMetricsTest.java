package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DailyMetricsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final StructType KEYED = new StructType()
            .add("dimension", DataTypes.StringType).add("key", DataTypes.StringType)
            .add("event_date", DataTypes.DateType).add("event_type", DataTypes.StringType)
            .add("bounce_type", DataTypes.StringType).add("message_id", DataTypes.StringType)
            .add("recipient", DataTypes.StringType);

    @Test
    void distinctCountsCountEachMailAndEachReaderOnce() {
        SparkSession spark = SparkTestSession.get();
        List<Row> rows = new ArrayList<>();
        // Mail m1 to two recipients: two send rows, one mail.
        rows.add(event("a", "send", null, "m1", "x@example.com"));
        rows.add(event("a", "send", null, "m1", "y@example.com"));
        rows.add(event("a", "send", null, "m2", "x@example.com"));
        // A send without a message id counts as a send, not as a mail.
        rows.add(event("a", "send", null, null, "z@example.com"));
        // x opened m1 twice, y once; an open of a mail with several recipients names none.
        rows.add(event("a", "open", null, "m1", "x@example.com"));
        rows.add(event("a", "open", null, "m1", "x@example.com"));
        rows.add(event("a", "open", null, "m1", "y@example.com"));
        rows.add(event("a", "open", null, "m2", null));
        rows.add(event("a", "open", null, "m2", null));
        // A click by a reader who also opened is a reader of clicks of its own.
        rows.add(event("a", "click", null, "m1", "x@example.com"));
        rows.add(event("a", "bounce", "Permanent", "m2", "x@example.com"));
        rows.add(event("a", "bounce", null, "m2", "x@example.com"));
        rows.add(event("a", "complaint", null, "m1", "y@example.com"));
        // Another key and the same mail ids: counted apart.
        rows.add(event("b", "send", null, "m1", "x@example.com"));
        rows.add(event("b", "open", null, "m1", "x@example.com"));

        List<Row> counts = DailyMetrics.counts(spark.createDataFrame(rows, KEYED)).orderBy("key").collectAsList();

        assertEquals(2, counts.size());
        Row a = counts.get(0);
        assertEquals(4L, (long) a.getAs("sends"));
        assertEquals(2L, (long) a.getAs("messages"));
        assertEquals(5L, (long) a.getAs("opens"));
        assertEquals(3L, (long) a.getAs("unique_opens"), "x and y of m1, the unnamed reader of m2");
        assertEquals(1L, (long) a.getAs("clicks"));
        assertEquals(1L, (long) a.getAs("unique_clicks"));
        assertEquals(2L, (long) a.getAs("bounces"));
        assertEquals(1L, (long) a.getAs("permanent_bounces"));
        assertEquals(1L, (long) a.getAs("undetermined_bounces"));
        assertEquals(1L, (long) a.getAs("complaints"));
        assertEquals(0L, (long) a.getAs("deliveries"));
        Row b = counts.get(1);
        assertEquals(1L, (long) b.getAs("sends"));
        assertEquals(1L, (long) b.getAs("messages"));
        assertEquals(1L, (long) b.getAs("unique_opens"));
        assertEquals(0L, (long) b.getAs("unique_clicks"));
    }

    private static Row event(String key, String type, String bounceType, String messageId, String recipient) {
        return RowFactory.create("SENDER", key, DAY, type, bounceType, messageId, recipient);
    }
}
