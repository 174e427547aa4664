package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.CaptureConfig;
import io.sesanalytics.capture.CaptureHandler;
import io.sesanalytics.capture.DirectoryCaptureStore;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.capture.SnsUrlPolicy;
import io.sesanalytics.jobs.GoldenRows;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every AWS-documented SES fixture, in the SNS envelope the Lambda stores, through capture and the
 * normalize job. Its rows are compared column by column with the golden file beside the fixture:
 * {@code <name>.events.json}, or {@code <name>.received.json} and {@code <name>.received_destinations.json}
 * for a receipt notification. Rows of one fixture are in recipient (destination) order.
 */
class GoldenFixturesTest {
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-24");
    /** Beside the fixtures, which the jobs read from lambda-capture's test jar. */
    private static final Path FIXTURES = Path.of("../lambda-capture/src/test/resources/ses");
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    @TempDir
    static Path root;

    private static NormalizeSummary summary;
    private static List<Row> events;
    private static List<Row> received;
    private static List<Row> destinations;

    @BeforeAll
    static void captureAndNormalizeEveryFixture() {
        SparkSession spark = SparkTestSession.get();
        List<String> bodies = new ArrayList<>();
        sendingFixtures().forEach(f -> bodies.add(CaptureScenario.wrapped(f)));
        receivedFixtures().forEach(f -> bodies.add(CaptureScenario.wrapped(f)));
        new CaptureHandler(new CaptureConfig("test", "", Set.of()), new DirectoryCaptureStore(root.resolve("raw")),
                SnsUrlPolicy.snsEndpointsOnly(), Clock.fixed(Instant.parse("2026-11-24T13:00:00Z"), ZoneOffset.UTC))
                .handle(LambdaEvents.sqsEvent(bodies), "golden");
        String warehouse = Locations.normalize(root.resolve("warehouse").toString());
        summary = NormalizeJob.run(spark, new NormalizeJob.Config(root.resolve("raw").toString(), warehouse,
                CAPTURED, NormalizeJob.DEFAULT_LOOKBACK_DAYS));
        events = TableWriter.read(spark, Table.EVENTS, warehouse).collectAsList();
        received = TableWriter.read(spark, Table.RECEIVED, warehouse).collectAsList();
        destinations = TableWriter.read(spark, Table.RECEIVED_DESTINATIONS, warehouse).collectAsList();
    }

    static List<String> sendingFixtures() {
        return CaptureScenario.sendingFixtures();
    }

    static List<String> receivedFixtures() {
        return LambdaEvents.RECEIVED_FIXTURES;
    }

    @Test
    void everyFixtureIsNormalizedNoneQuarantinedNoneMerged() {
        assertEquals(0, summary.quarantinedLines());
        assertEquals(0, summary.duplicateLines());
        assertEquals(sendingFixtures().size(), summary.eventRecords());
        assertEquals(receivedFixtures().size(), summary.receivedRecords());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sendingFixtures")
    void eventRowsAreTheGoldenOnes(String fixture) {
        List<Row> rows = rowsOf(events, "sns_message_id", "sns-" + fixture, "recipient");
        assertTrue(!rows.isEmpty(), fixture + " has no events rows");
        GoldenRows.assertMatches(fixture, golden(fixture, Table.EVENTS), rows, Table.EVENTS.schema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receivedFixtures")
    void receivedRowsAreTheGoldenOnes(String fixture) {
        List<Row> rows = rowsOf(received, "sns_message_id", "sns-" + fixture, "message_id");
        assertEquals(1, rows.size(), fixture);
        GoldenRows.assertMatches(fixture, golden(fixture, Table.RECEIVED), rows, Table.RECEIVED.schema());

        String messageId = rows.get(0).getAs("message_id");
        GoldenRows.assertMatches(fixture, golden(fixture, Table.RECEIVED_DESTINATIONS),
                rowsOf(destinations, "message_id", messageId, "destination"), Table.RECEIVED_DESTINATIONS.schema());
    }

    /** The AWS complaint examples leave complaintSubType null; SES sets it for an address on its suppression list. */
    @Test
    void aComplaintSubtypeIsKeptWhenSesSetsIt() {
        ObjectNode complaint = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("event/complaint.json"));
        ((ObjectNode) complaint.path("complaint")).put("complaintSubType", "OnAccountSuppressionList");
        Row parsed = new SesLineParser().parse(1L, complaint.toString(), CAPTURED, "f");
        List<Row> rows = parsed.getList(parsed.fieldIndex("events"));
        assertEquals("OnAccountSuppressionList", rows.get(0).getAs("complaint_subtype"));
    }

    private static List<Row> rowsOf(List<Row> table, String key, String value, String orderColumn) {
        Function<Row, String> order = r -> r.getAs(orderColumn);
        return table.stream().filter(r -> value.equals(r.getAs(key)))
                .sorted(Comparator.comparing(order, NULLS_FIRST)).toList();
    }

    /** {@code event/bounce.json} and events: {@code event/bounce.events.json}. */
    private static Path golden(String fixture, Table table) {
        return FIXTURES.resolve(fixture.replaceFirst("\\.json$", "." + table.tableName() + ".json"));
    }
}
