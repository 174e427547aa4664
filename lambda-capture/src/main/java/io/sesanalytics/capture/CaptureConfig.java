package io.sesanalytics.capture;

import java.time.Duration;
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
 *   <li>{@code SNS_MAX_MESSAGE_AGE_SECONDS} (default {@value #DEFAULT_MAX_MESSAGE_AGE_SECONDS}): HTTPS posts whose
 *       signed {@code Timestamp} is older than this (plus a small clock skew) are refused as replays.</li>
 * </ul>
 */
public record CaptureConfig(String bucket, String prefix, Set<String> allowedTopicArns, Duration maxMessageAge) {
    public static final String BUCKET = "CAPTURE_BUCKET";
    public static final String PREFIX = "CAPTURE_PREFIX";
    public static final String ALLOWED_TOPIC_ARNS = "ALLOWED_TOPIC_ARNS";
    public static final String MAX_MESSAGE_AGE_SECONDS = "SNS_MAX_MESSAGE_AGE_SECONDS";
    public static final String DEFAULT_PREFIX = "raw";
    /**
     * The longest SNS keeps retrying an HTTPS delivery under its default delivery policy: after a failed
     * first attempt, up to 3 retries 20 seconds apart (numRetries 3, minDelayTarget = maxDelayTarget = 20 s,
     * no immediate retries; Amazon SNS Developer Guide, "Amazon SNS message delivery retries" and "Set the
     * delivery policy for the Amazon SNS subscription"). A subscription with its own delivery policy needs
     * a larger value, at most 3,600 seconds, SNS's limit for the whole HTTP/S retry policy.
     */
    public static final long DEFAULT_MAX_MESSAGE_AGE_SECONDS = 60;

    public CaptureConfig(String bucket, String prefix, Set<String> allowedTopicArns) {
        this(bucket, prefix, allowedTopicArns, Duration.ofSeconds(DEFAULT_MAX_MESSAGE_AGE_SECONDS));
    }

    public CaptureConfig {
        if (maxMessageAge == null || maxMessageAge.isNegative() || maxMessageAge.isZero()) {
            throw new IllegalArgumentException(MAX_MESSAGE_AGE_SECONDS + " must be a positive number of seconds");
        }
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
        String age = env.getOrDefault(MAX_MESSAGE_AGE_SECONDS, "").strip();
        Duration maxAge;
        try {
            maxAge = Duration.ofSeconds(age.isEmpty() ? DEFAULT_MAX_MESSAGE_AGE_SECONDS : Long.parseLong(age));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_MESSAGE_AGE_SECONDS + " is not a whole number of seconds: " + age);
        }
        return new CaptureConfig(env.get(BUCKET), prefix.isBlank() ? DEFAULT_PREFIX : prefix, topics, maxAge);
    }
}
