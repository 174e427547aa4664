package io.sesanalytics.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SNS's host and signing certificate name for a topic, from the partition and Region in its ARN. */
final class SnsEndpoints {
    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:(aws|aws-cn|aws-us-gov):sns:([a-z]{2}(?:-[a-z]+)+-[0-9]):[0-9]{12}:[A-Za-z0-9_.-]{1,256}");

    private SnsEndpoints() {
    }

    /** {@code sns.<region>.amazonaws.com}, or {@code .amazonaws.com.cn} in China; null if not a topic ARN. */
    static String host(String topicArn) {
        Matcher arn = topicArn == null ? null : TOPIC_ARN.matcher(topicArn);
        if (arn == null || !arn.matches()) {
            return null;
        }
        return "sns." + arn.group(2) + ("aws-cn".equals(arn.group(1)) ? ".amazonaws.com.cn" : ".amazonaws.com");
    }

    /**
     * The name SNS's signing certificate is issued to, as the AWS SDK for Java's SnsMessageManager expects
     * it: {@code sns.amazonaws.com}, except in the Regions whose certificates carry their own name.
     */
    static String certificateName(String topicArn) {
        Matcher arn = topicArn == null ? null : TOPIC_ARN.matcher(topicArn);
        if (arn == null || !arn.matches()) {
            return null;
        }
        return switch (arn.group(2)) {
            case "cn-north-1" -> "sns-cn-north-1.amazonaws.com.cn";
            case "cn-northwest-1" -> "sns-cn-northwest-1.amazonaws.com.cn";
            case "us-gov-west-1" -> "sns-us-gov-west-1.amazonaws.com";
            default -> "aws-cn".equals(arn.group(1)) ? "sns.amazonaws.com.cn" : "sns.amazonaws.com";
        };
    }
}
