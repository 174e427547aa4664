package io.sesanalytics.jobs.normalize;

import io.sesanalytics.capture.LocalS3;
import io.sesanalytics.capture.S3CaptureStore;
import io.sesanalytics.jobs.EventRowsFixture;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on a real local S3 server: the capture handler writes through the AWS SDK, the job reads
 * and writes through Spark's s3a.
 */
class NormalizeOnS3Test {
    private static final String BUCKET = "ses-analytics";
    private static LocalS3 s3;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        Configuration hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
        hadoop.set("fs.s3a.endpoint", s3.endpoint().toString());
        hadoop.set("fs.s3a.path.style.access", "true");
        hadoop.set("fs.s3a.connection.ssl.enabled", "false");
        hadoop.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        hadoop.set("fs.s3a.access.key", LocalS3.ACCESS_KEY);
        hadoop.set("fs.s3a.secret.key", LocalS3.SECRET_KEY);
        hadoop.set("fs.s3a.endpoint.region", "us-east-1");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void lambdaOutputInS3IsNormalizedThroughS3a() {
        SparkSession spark = SparkTestSession.get();
        CaptureScenario.write(new S3CaptureStore(s3.client(), BUCKET), "ses/raw");
        String raw = "s3a://" + BUCKET + "/ses/raw";
        String warehouse = "s3a://" + BUCKET + "/ses/warehouse";

        NormalizeJob.run(spark, new NormalizeJob.Config(raw, warehouse, CaptureScenario.DAY_BEFORE, 3));
        NormalizeSummary day = NormalizeJob.run(spark, new NormalizeJob.Config(raw, warehouse, CaptureScenario.DAY, 3));

        assertEquals(CaptureScenario.DAY_RAW_LINES, day.rawLines());
        assertEquals(CaptureScenario.DAY_EVENT_ROWS, day.eventRows());
        assertTrue(day.balanced());
        List<Row> sends = TableWriter.read(spark, Table.EVENTS, warehouse)
                .filter(col("event_type").equalTo("send")).orderBy("recipient").collectAsList();
        assertEquals(List.of("other@example.org", "recipient@example.com", "third@gmail.com"),
                sends.stream().map(r -> r.<String>getAs("recipient")).toList());
        assertEquals("sender@example.com", sends.get(0).getAs("source_address"));
        assertTrue(s3.keys(BUCKET, "ses/warehouse/ses_analytics/events/data/event_date=2026-11-19/capture_date=2026-11-24/").stream()
                .anyMatch(key -> key.endsWith(".parquet")));
        assertTrue(s3.keys(BUCKET, "ses/warehouse/ses_analytics/events/metadata/").stream()
                .anyMatch(key -> key.endsWith(".metadata.json")));
        assertTrue(s3.keys(BUCKET, "ses/warehouse/_runs/dt=2026-11-24/").contains("ses/warehouse/_runs/dt=2026-11-24/summary.json"));
    }

    @Test
    void aReRunRemovesTheEventDatesItNoLongerReachesFromS3() {
        SparkSession spark = SparkTestSession.get();
        String warehouse = "s3a://" + BUCKET + "/rerun/warehouse";
        LocalDate captured = LocalDate.parse("2026-11-21");
        EventRowsFixture first = new EventRowsFixture();
        first.add("send", "2026-11-20T23:59:00Z", "a@example.com", "b@example.org").captured("2026-11-21");
        first.add("send", "2026-11-21T08:00:00Z", "a@example.com", "c@example.org").captured("2026-11-21");
        EventRowsFixture corrected = new EventRowsFixture();
        corrected.add("send", "2026-11-21T08:00:00Z", "a@example.com", "c@example.org").captured("2026-11-21");

        TableWriter.replaceCaptureDate(spark, first.frame(), Table.EVENTS, warehouse, captured);
        TableWriter.replaceCaptureDate(spark, corrected.frame(), Table.EVENTS, warehouse, captured);

        // The first write's file of 2026-11-20 stays in S3 (an earlier snapshot holds it) but is no longer read.
        assertEquals(List.of(LocalDate.parse("2026-11-21")),
                TableWriter.partitionDates(spark, Table.EVENTS, warehouse, "event_date"));
        assertTrue(s3.keys(BUCKET, "rerun/warehouse/ses_analytics/events/data/event_date=2026-11-21/capture_date=2026-11-21/").stream()
                .anyMatch(key -> key.endsWith(".parquet")));
        assertEquals(1, TableWriter.countCaptured(spark, Table.EVENTS, warehouse, captured));
    }
}
