package io.sesanalytics.capture;

import io.sesanalytics.raw.CaptureKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaptureKeysTest {
    private static final Instant JUST_BEFORE_MIDNIGHT = Instant.parse("2026-11-24T23:59:59.999Z");

    @Test
    void keysArePartitionedByUtcCaptureDate() {
        assertEquals("raw/dt=2026-11-24/20261124T235959999Z-abc-123.ndjson.gz",
                new CaptureKeys("/raw/").key(JUST_BEFORE_MIDNIGHT, "abc-123"));
        assertEquals("dt=2026-11-25/20261125T000000000Z-x_y.ndjson.gz",
                new CaptureKeys("").key(Instant.parse("2026-11-25T00:00:00Z"), "x/y"));
    }

    @Test
    void configurationNamesTheOptionThatIsWrong() {
        IllegalArgumentException noBucket = assertThrows(IllegalArgumentException.class,
                () -> CaptureConfig.fromEnvironment(Map.of()));
        assertEquals("CAPTURE_BUCKET must name the S3 bucket for raw captures", noBucket.getMessage());
        IllegalArgumentException badTopic = assertThrows(IllegalArgumentException.class,
                () -> CaptureConfig.fromEnvironment(Map.of("CAPTURE_BUCKET", "b", "ALLOWED_TOPIC_ARNS", "my-topic")));
        assertEquals("ALLOWED_TOPIC_ARNS holds something that is not a topic ARN: my-topic", badTopic.getMessage());
        CaptureConfig config = CaptureConfig.fromEnvironment(Map.of("CAPTURE_BUCKET", "b",
                "ALLOWED_TOPIC_ARNS", " arn:aws:sns:us-east-1:1:a , arn:aws:sns:us-east-1:1:b"));
        assertEquals("raw", config.prefix());
        assertEquals(2, config.allowedTopicArns().size());
    }

    @Test
    void onlySnsHttpsEndpointsAreTrusted() {
        SnsUrlPolicy policy = SnsUrlPolicy.snsEndpointsOnly();
        assertEquals(true, policy.allows(java.net.URI.create("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem")));
        assertEquals(true, policy.allows(java.net.URI.create("https://sns.cn-north-1.amazonaws.com.cn/x.pem")));
        assertEquals(false, policy.allows(java.net.URI.create("http://sns.eu-west-1.amazonaws.com/x.pem")));
        assertEquals(false, policy.allows(java.net.URI.create("https://sns.eu-west-1.amazonaws.com.evil.example/x.pem")));
        assertEquals(false, policy.allows(java.net.URI.create("https://evil.example/sns.us-east-1.amazonaws.com/x.pem")));
        assertEquals(false, policy.allows(java.net.URI.create("https://sns.us-east-1.amazonaws.com:8443/x.pem")));
    }
}
