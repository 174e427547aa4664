package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.CaptureConfig;
import io.sesanalytics.capture.CaptureHandler;
import io.sesanalytics.capture.DirectoryCaptureStore;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.capture.SnsUrlPolicy;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One received message notified by two receipt actions of one rule, an SNS action and an S3 action, as SES
 * allows: one received row and its destination rows, with the S3 object the S3 action named; the other
 * notification is a duplicate.
 */
class ReceivedByTwoActionsTest {
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-24");

    @TempDir
    Path root;

    /**
     * The SNS action's notification of the message of the S3-action fixture: the same mail and receipt, with the
     * SNS fixture's action and content.
     */
    private static String snsActionCopy() {
        ObjectNode s3 = (ObjectNode) LambdaEvents.json(LambdaEvents.ses("received/received-s3-action.json"));
        JsonNode sns = LambdaEvents.json(LambdaEvents.ses("received/received-sns-action.json"));
        ObjectNode copy = s3.deepCopy();
        ((ObjectNode) copy.path("receipt")).set("action", sns.path("receipt").path("action").deepCopy());
        copy.set("content", sns.path("content").deepCopy());
        return copy.toString();
    }

    private void capture(String at, String requestId, String notification, String snsMessageId) {
        new CaptureHandler(new CaptureConfig("test", "", Set.of()), new DirectoryCaptureStore(root.resolve("raw")),
                SnsUrlPolicy.snsEndpointsOnly(), Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
                .handle(LambdaEvents.sqsEvent(List.of(LambdaEvents.snsMessage(notification, snsMessageId).toString())), requestId);
    }

    @Test
    void isOneReceivedMessageThatKeepsItsS3Object() {
        // The SNS action's copy is stored first, in the earlier object: it would win on order alone.
        capture("2026-11-24T12:06:08Z", "a", snsActionCopy(), "sns-by-sns-action");
        capture("2026-11-24T12:06:09Z", "b", LambdaEvents.ses("received/received-s3-action.json"), "sns-by-s3-action");
        SparkSession spark = SparkTestSession.get();
        String warehouse = Locations.normalize(root.resolve("warehouse").toString());
        NormalizeSummary summary = NormalizeJob.run(spark, new NormalizeJob.Config(root.resolve("raw").toString(),
                warehouse, CAPTURED, NormalizeJob.DEFAULT_LOOKBACK_DAYS));

        assertEquals(2, summary.rawLines());
        assertEquals(1, summary.receivedRecords());
        assertEquals(2, summary.receivedDestinationRows());
        assertEquals(Map.of(Deduplication.SAME_RECEIVED_MESSAGE, 1L), summary.duplicates());
        assertEquals(0, summary.quarantinedLines());

        List<Row> received = TableWriter.read(spark, Table.RECEIVED, warehouse).collectAsList();
        assertEquals(1, received.size());
        Row row = received.get(0);
        assertEquals("m7n9p1q3r5s7t9u1v3w5x7y9z1a3b5c7d9e1f3g5", row.getAs("message_id"));
        assertEquals("S3", row.getAs("action_type"));
        assertEquals("example-inbound-mail", row.getAs("s3_bucket"));
        assertEquals("inbound/m7n9p1q3r5s7t9u1v3w5x7y9z1a3b5c7d9e1f3g5", row.getAs("s3_object_key"));
        assertEquals("sns-by-s3-action", row.getAs("sns_message_id"));
        assertEquals(2, TableWriter.read(spark, Table.RECEIVED_DESTINATIONS, warehouse).count());
    }

    @Test
    void bothNotificationsHaveOneRecordKeyAndTheS3OneRanksFirst() {
        SesLineParser parser = new SesLineParser();
        Row bySns = parser.parse(1L, snsActionCopy(), CAPTURED, "f");
        Row byS3 = parser.parse(2L, LambdaEvents.ses("received/received-s3-action.json"), CAPTURED, "f");
        assertEquals(SesLineParser.RECEIVED, bySns.getAs("status"));
        assertEquals(bySns.<String>getAs("record_key"), byS3.getAs("record_key"));
        assertEquals(1, bySns.<Integer>getAs("format_rank"));
        assertEquals(0, byS3.<Integer>getAs("format_rank"));
    }
}
