package io.sesanalytics.tools.cluster;

import io.sesanalytics.capture.LocalS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/ses-analytics on s3:// URIs, as the README tells: the credentials and region only in the environment, the
 * endpoint of an S3-compatible server as a Spark setting in SES_ANALYTICS_JAVA_OPTS.
 */
class LauncherOnS3IT {
    private static final String BUCKET = "ses-analytics-local";

    @Test
    void aNightOnS3UrisWithCredentialsFromTheEnvironment() throws Exception {
        Path root = Path.of(System.getProperty("repository.root")).toRealPath();
        Path work = ClusterNightIT.clean(root.resolve("tools/target/launcher-s3-it"));
        try (LocalS3 s3 = LocalS3.start(); ChildProcesses children = new ChildProcesses(work.resolve("logs"))) {
            s3.createBucket(BUCKET);
            int captures = ClusterNightIT.upload(s3, BUCKET, root.resolve("sample/raw"), "raw");
            Map<String, String> env = new HashMap<>(Map.of(
                    "AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY,
                    "AWS_REGION", "us-east-1", "SES_ANALYTICS_CDS", "off",
                    "SES_ANALYTICS_LOG_DIR", work.resolve("logs").toString(),
                    "JAVA_HOME", System.getProperty("java.home"),
                    "SES_ANALYTICS_JAVA_OPTS", "-Xmx2g -Dspark.hadoop.fs.s3a.endpoint=" + s3.endpoint()
                            + " -Dspark.hadoop.fs.s3a.path.style.access=true"));
            Process run = children.start("nightly", List.of(root.resolve("bin/ses-analytics").toString(), "nightly",
                    "--raw", "s3://" + BUCKET + "/raw", "--warehouse", "s3://" + BUCKET + "/warehouse",
                    "--date", "2026-11-20"), env, work);
            assertEquals(0, children.await("nightly", run, Duration.ofMinutes(20)),
                    "bin/ses-analytics on s3:// failed:\n" + children.tail("nightly"));

            String summary;
            try (S3Client client = s3.client()) {
                summary = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("warehouse/_runs/dt=2026-11-20/summary.json"))
                        .asUtf8String();
            }
            assertTrue(summary.contains("\"normalize\""), "no normalize section in the run summary");
            long dataFiles = s3.keys(BUCKET, "warehouse/ses_analytics/").stream().filter(k -> k.endsWith(".parquet")).count();
            long exports = s3.keys(BUCKET, "warehouse/exports/").stream().filter(k -> k.endsWith(".csv")).count();
            assertTrue(dataFiles > 0 && exports > 0, "no tables or exports in the bucket");
            String out = Files.readString(children.log("nightly"));
            System.out.printf("launcher on s3:// test: bin/ses-analytics nightly --raw s3://%s/raw --warehouse s3://%s/warehouse"
                            + " --date 2026-11-20, credentials from AWS_* only: exit 0, %d sample captures in the bucket, %d Parquet files,"
                            + " %d export CSVs in the bucket%n",
                    BUCKET, BUCKET, captures, dataFiles, exports);
            assertTrue(out.contains("2026-11-20"), "the run printed nothing about its date");
        }
    }
}
