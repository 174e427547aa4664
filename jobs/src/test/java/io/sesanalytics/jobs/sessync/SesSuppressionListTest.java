package io.sesanalytics.jobs.sessync;

import io.sesanalytics.jobs.SesSuppressionEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SES v2 client as the job builds it, against the stand-in endpoint: paging, throttling, import jobs. */
class SesSuppressionListTest {
    @Test
    void readsEveryPageThroughThrottlingAndCreatesImportJobs() throws Exception {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try (SesSuppressionEndpoint endpoint = new SesSuppressionEndpoint(3)) {
            Map<String, String> seeded = new TreeMap<>();
            for (int i = 0; i < 10; i++) {
                seeded.put("a" + i + "@example.com", i % 3 == 0 ? "COMPLAINT" : "BOUNCE");
                endpoint.seed("a" + i + "@example.com", seeded.get("a" + i + "@example.com"));
            }
            SesSyncJob.Config config = new SesSyncJob.Config("s3a://bucket/warehouse", LocalDate.parse("2026-11-22"),
                    true, true, null, "us-east-1", endpoint.endpoint());
            try (SesV2Client client = SesSyncJob.client(config)) {
                SesSuppressionList ses = new SesSuppressionList(client);
                assertEquals(seeded, ses.list(), "every page of " + SesSuppressionEndpoint.MAX_PAGE);
                ses.put("new+tag@example.com", "BOUNCE");
                ses.delete("a0@example.com");
                assertEquals("job-1", ses.importCsv("s3://bucket/warehouse/exports/suppression/dt=2026-11-22/ses-import.csv"));
            }
            assertTrue(endpoint.throttled() > 0, "some calls were throttled and retried");
            assertEquals("BOUNCE", endpoint.listed().get("new+tag@example.com"));
            assertTrue(!endpoint.listed().containsKey("a0@example.com"));
            assertEquals(List.of("s3://bucket/warehouse/exports/suppression/dt=2026-11-22/ses-import.csv"), endpoint.importUrls());
        }
    }
}
