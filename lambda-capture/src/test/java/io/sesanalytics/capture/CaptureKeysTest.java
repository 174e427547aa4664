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
    void onlySnsHttpsEndpointsOfTheTopicsRegionAreTrusted() {
        SnsUrlPolicy policy = SnsUrlPolicy.snsEndpointsOnly();
        String eu = "arn:aws:sns:eu-west-1:123456789012:ses";
        String cn = "arn:aws-cn:sns:cn-north-1:123456789012:ses";
        assertEquals(true, policy.allowsCertificate(java.net.URI.create("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1a.pem"), eu));
        assertEquals(true, policy.allowsCertificate(java.net.URI.create("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1a.pem"), cn));
        assertEquals(false, policy.allowsCertificate(java.net.URI.create("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1a.pem"), eu));
        assertEquals(false, policy.allowsCertificate(java.net.URI.create("http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1a.pem"), eu));
        assertEquals(false, policy.allowsCertificate(java.net.URI.create("https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService-1a.pem"), eu));
        assertEquals(false, policy.allowsCertificate(java.net.URI.create("https://evil.example/sns.eu-west-1.amazonaws.com/x.pem"), eu));
        assertEquals(false, policy.allowsCertificate(java.net.URI.create("https://sns.eu-west-1.amazonaws.com:8443/SimpleNotificationService-1a.pem"), eu));
        assertEquals("sns.amazonaws.com", SnsEndpoints.certificateName(eu));
        assertEquals("sns-cn-north-1.amazonaws.com.cn", SnsEndpoints.certificateName(cn));
    }
}
