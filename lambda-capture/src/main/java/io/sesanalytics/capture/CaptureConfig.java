package io.sesanalytics.capture;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Lambda's settings, read from its environment.
 *
 * <ul>
 *   <li>{@code CAPTURE_BUCKET} (required): the bucket that receives the raw captures.</li>
 *   <li>{@code CAPTURE_PREFIX} (default {@code raw}): the key prefix of the raw layout.</li>
 *   <li>{@code ALLOWED_TOPIC_ARNS} (default none): comma-separated SNS topic ARNs whose HTTPS posts are
 *       accepted and whose subscriptions are confirmed. With none, every HTTPS post is refused.</li>
 * </ul>
 */
public record CaptureConfig(String bucket, String prefix, Set<String> allowedTopicArns) {
    public static final String BUCKET = "CAPTURE_BUCKET";
    public static final String PREFIX = "CAPTURE_PREFIX";
    public static final String ALLOWED_TOPIC_ARNS = "ALLOWED_TOPIC_ARNS";
    public static final String DEFAULT_PREFIX = "raw";

    public CaptureConfig {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException(BUCKET + " must name the S3 bucket for raw captures");
        }
        allowedTopicArns = Set.copyOf(allowedTopicArns);
        for (String arn : allowedTopicArns) {
            if (!arn.startsWith("arn:") || arn.split(":", -1).length != 6) {
                throw new IllegalArgumentException(ALLOWED_TOPIC_ARNS + " holds something that is not a topic ARN: " + arn);
            }
        }
    }

    public static CaptureConfig fromEnvironment(Map<String, String> env) {
        String prefix = env.getOrDefault(PREFIX, DEFAULT_PREFIX);
        Set<String> topics = Arrays.stream(env.getOrDefault(ALLOWED_TOPIC_ARNS, "").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return new CaptureConfig(env.get(BUCKET), prefix.isBlank() ? DEFAULT_PREFIX : prefix, topics);
    }
}
