package io.sesanalytics.jobs.alert;

import io.sesanalytics.jobs.common.AwsClients;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ThrottledException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * A night's alerts, run after its tables are committed: one SNS message when a key entered WARNING or AT_RISK,
 * and the reputation metrics in CloudWatch. Nothing is sent unless configured; a failure fails the step.
 */
public final class AlertsJob {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsJob.class);
    public static final String SECTION = "alerts";
    /** Metric data per PutMetricData call, under CloudWatch's limit of 1,000. */
    static final int METRICS_PER_CALL = 500;

    /**
     * @param topicArn          the SNS topic to publish to, or null for no message
     * @param cloudwatchMetrics put the metrics into CloudWatch
     * @param region            region of SNS and CloudWatch, or null for the AWS default region chain
     * @param snsEndpoint       an SNS endpoint to call instead of the region's, or null
     * @param cloudwatchEndpoint a CloudWatch endpoint to call instead of the region's, or null
     */
    public record Config(String warehouse, LocalDate date, String topicArn, boolean cloudwatchMetrics, String region,
                         URI snsEndpoint, URI cloudwatchEndpoint) {
        public Config {
            warehouse = Locations.normalize(warehouse);
            if (date == null) {
                throw new IllegalArgumentException("--date is required");
            }
            if (topicArn != null && !topicArn.startsWith("arn:")) {
                throw new IllegalArgumentException("--alerts-topic-arn must be an SNS topic ARN (arn:aws:sns:...), not '" + topicArn + "'");
            }
        }

        public boolean enabled() {
            return topicArn != null || cloudwatchMetrics;
        }

        public Config withDate(LocalDate other) {
            return new Config(warehouse, other, topicArn, cloudwatchMetrics, region, snsEndpoint, cloudwatchEndpoint);
        }
    }

    /**
     * What the run sent, for the run summary; counts only.
     *
     * @param messageId the SNS message id, or null when nothing was published
     */
    public record AlertsSummary(LocalDate date, int alerting, int entered, String messageId, int metrics) {
    }

    private AlertsJob() {
    }

    public static AlertsSummary run(SparkSession spark, Config config) {
        List<ReputationAlert> alerts = ReputationAlerts.of(spark, config.warehouse(), config.date());
        int entered = (int) alerts.stream().filter(ReputationAlert::entered).count();
        String messageId = null;
        if (config.topicArn() != null && entered > 0) {
            AlertMessage message = AlertMessage.of(config.date(), alerts);
            try (SnsClient sns = AwsClients.build(SnsClient.builder(), config.region(), config.snsEndpoint(), ThrottledException.class)) {
                messageId = sns.publish(r -> r.topicArn(config.topicArn()).subject(message.subject()).message(message.body()))
                        .messageId();
            }
        }
        int metrics = 0;
        if (config.cloudwatchMetrics()) {
            List<MetricDatum> data = ReputationMetrics.of(spark, config.warehouse(), config.date());
            try (CloudWatchClient cloudwatch = AwsClients.build(CloudWatchClient.builder(), config.region(),
                    config.cloudwatchEndpoint(), null)) {
                for (int from = 0; from < data.size(); from += METRICS_PER_CALL) {
                    List<MetricDatum> batch = data.subList(from, Math.min(data.size(), from + METRICS_PER_CALL));
                    cloudwatch.putMetricData(r -> r.namespace(ReputationMetrics.NAMESPACE).metricData(batch));
                }
            }
            metrics = data.size();
        }
        AlertsSummary summary = new AlertsSummary(config.date(), alerts.size(), entered, messageId, metrics);
        RunSummaries.putSection(spark, config.warehouse(), config.date(), SECTION, summary);
        LOG.info("alerts {}: {} alerting, {} entered, published {}, {} metric data", config.date(), alerts.size(),
                entered, messageId != null, metrics);
        return summary;
    }
}
