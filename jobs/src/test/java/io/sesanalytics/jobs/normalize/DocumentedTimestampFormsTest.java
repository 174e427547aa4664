package io.sesanalytics.jobs.normalize;

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
import io.sesanalytics.jobs.suppress.SuppressJob;
import io.sesanalytics.jobs.suppress.SuppressionRules;
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
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Complaints whose timestamps are written as AWS's notification examples write them
 * ({@code 2026-11-24T09:02:44 +0000}: a space, no fraction, {@code +hhmm}), in both formats, through capture,
 * normalize and suppress: each is an events row of its UTC date, and its address is suppressed.
 */
class DocumentedTimestampFormsTest {
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-24");

    @TempDir
    Path root;

    /** The complaint fixture of one format, for another recipient, with timestamps in the given forms. */
    private static String complaint(String fixture, String recipient, String mailTime, String complaintTime) {
        ObjectNode ses = (ObjectNode) LambdaEvents.json(LambdaEvents.ses(fixture));
        ObjectNode mail = (ObjectNode) ses.path("mail");
        mail.put("timestamp", mailTime);
        mail.put("messageId", "spaced-" + recipient);
        mail.putArray("destination").add(recipient);
        ObjectNode complaint = (ObjectNode) ses.path("complaint");
        complaint.put("timestamp", complaintTime);
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", recipient);
        return LambdaEvents.snsMessage(ses.toString(), "sns-spaced-" + recipient).toString();
    }

    @Test
    void aComplaintWithSpacedOffsetTimestampsIsNormalizedAndSuppresses() {
        SparkSession spark = SparkTestSession.get();
        List<String> bodies = List.of(
                complaint("event/complaint.json", "angry@example.org", "2026-11-24T08:15:30 +0000", "2026-11-24T09:02:44 +0000"),
                // 23:30 at -0100 on the 23rd is 00:30 on the 24th in UTC: the event date is the UTC one.
                complaint("identity/complaint.json", "cross@example.org", "2026-11-23T22:10:00 -0100", "2026-11-23T23:30:00.250-0100"));
        new CaptureHandler(new CaptureConfig("test", "", Set.of()), new DirectoryCaptureStore(root.resolve("raw")),
                SnsUrlPolicy.snsEndpointsOnly(), Clock.fixed(Instant.parse("2026-11-24T13:00:00Z"), ZoneOffset.UTC))
                .handle(LambdaEvents.sqsEvent(bodies), "spaced");
        String warehouse = Locations.normalize(root.resolve("warehouse").toString());

        NormalizeSummary summary = NormalizeJob.run(spark, new NormalizeJob.Config(root.resolve("raw").toString(), warehouse,
                CAPTURED, NormalizeJob.DEFAULT_LOOKBACK_DAYS));
        assertEquals(0, summary.quarantinedLines(), summary.quarantined().toString());
        assertEquals(2, summary.eventRecords());

        List<Row> events = TableWriter.read(spark, Table.EVENTS, warehouse).orderBy("recipient").collectAsList();
        assertEquals(2, events.size());
        Row angry = events.get(0);
        assertEquals("complaint", angry.getAs("event_type"));
        assertEquals(Instant.parse("2026-11-24T09:02:44Z"), angry.getAs("event_time"));
        assertEquals(Instant.parse("2026-11-24T08:15:30Z"), angry.getAs("mail_time"));
        assertEquals(CAPTURED, angry.getAs("event_date"));
        Row cross = events.get(1);
        assertEquals("cross@example.org", cross.getAs("recipient"));
        assertEquals(Instant.parse("2026-11-24T00:30:00.250Z"), cross.getAs("event_time"));
        assertEquals(CAPTURED, cross.getAs("event_date"));

        SuppressJob.run(spark, new SuppressJob.Config(warehouse, CAPTURED, SuppressionRules.Settings.defaults()));
        for (String address : List.of("angry@example.org", "cross@example.org")) {
            Row state = TableWriter.read(spark, Table.SUPPRESSION, warehouse)
                    .filter(col("state_date").equalTo(lit(CAPTURED)).and(col("address").equalTo(address))).first();
            assertEquals("SUPPRESSED", state.getAs("status"), address);
            assertEquals("COMPLAINT", state.getAs("reason"), address);
        }
    }
}
