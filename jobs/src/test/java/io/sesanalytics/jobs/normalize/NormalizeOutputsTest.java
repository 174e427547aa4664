package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.RowBuilder;
import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalizeOutputsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void destinationsAreUnnestedOneRowEach() {
        SparkSession spark = SparkTestSession.get();
        Row received = new RowBuilder(Table.RECEIVED.schema())
                .set("message_id", "m1").set("receipt_time", AT).set("receipt_date", DAY)
                .set("source_address", "sender@example.com").set("source_domain", "example.com")
                .set("destinations", List.of("info@shop.example.net", "sales@example.org"))
                .set("capture_date", DAY).build();
        Dataset<Row> input = spark.createDataFrame(List.of(received), Table.RECEIVED.schema());

        Dataset<Row> expected = spark.createDataFrame(List.of(
                destination("info@shop.example.net", "shop.example.net"),
                destination("sales@example.org", "example.org")), Table.RECEIVED_DESTINATIONS.schema());
        SparkTestSession.assertDataFrameEquals(expected,
                NormalizeOutputs.receivedDestinations(input).orderBy(col("destination")));
    }

    @Test
    void eventsAreTheWrittenLinesEventRowsWithTheirCaptureDate() {
        SparkSession spark = SparkTestSession.get();
        SesLineParser parser = new SesLineParser();
        String line = CaptureScenario.wrapped("event/send.json");
        Dataset<Row> parsed = spark.createDataFrame(List.of(
                parser.parse(1L, line, DAY, "f"),
                parser.parse(2L, line, DAY, "g"),
                parser.parse(3L, "{", DAY, "g")), Schemas.PARSED_LINE);

        Dataset<Row> resolved = Deduplication.resolve(parsed);

        assertEquals(3, NormalizeOutputs.events(resolved).count());
        assertEquals(List.of("f"), NormalizeOutputs.events(resolved).select("sns_message_id", "capture_date")
                .distinct().collectAsList().stream().map(r -> "f").toList());
        assertEquals(1, NormalizeOutputs.quarantine(resolved).count());
        assertEquals(Table.EVENTS.schema(), NormalizeOutputs.events(resolved).schema());
    }

    private static Row destination(String address, String domain) {
        return new GenericRowWithSchema(new Object[] {"m1", AT, DAY, "sender@example.com", "example.com", address, domain, DAY},
                Table.RECEIVED_DESTINATIONS.schema());
    }
}
