package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.alert.AlertsJob;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.LocalDate;

/** Options of the nightly alerts: an SNS message and CloudWatch metrics, both off unless asked for. */
public final class AlertOptions {
    @Option(names = "--alerts-topic-arn", paramLabel = "ARN",
            description = "SNS topic to publish one message to when a sender, sender domain, configuration set or mailbox"
                    + " provider enters WARNING or AT_RISK (default: none).")
    String topicArn;

    @Option(names = "--cloudwatch-metrics",
            description = "Put bounce rate, complaint rate and volume per sender domain and configuration set into"
                    + " CloudWatch (namespace SesAnalytics).")
    boolean cloudwatchMetrics;

    @Option(names = "--alerts-region", paramLabel = "REGION",
            description = "Region of the SNS topic and the CloudWatch metrics (default: the AWS default region chain).")
    String region;

    @Option(names = "--sns-endpoint", paramLabel = "URL", hidden = true,
            description = "SNS endpoint to call instead of the region's.")
    URI snsEndpoint;

    @Option(names = "--cloudwatch-endpoint", paramLabel = "URL", hidden = true,
            description = "CloudWatch endpoint to call instead of the region's.")
    URI cloudwatchEndpoint;

    /** The alerts' settings, or null when neither is asked for. */
    AlertsJob.Config config(String warehouse, LocalDate date) {
        AlertsJob.Config config = new AlertsJob.Config(warehouse, date, topicArn, cloudwatchMetrics, region,
                snsEndpoint, cloudwatchEndpoint);
        return config.enabled() ? config : null;
    }
}
