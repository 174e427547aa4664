package io.sesanalytics.jobs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sesanalytics.jobs.CloudWatchCborRelay;
import io.sesanalytics.jobs.MotoServer;
import io.sesanalytics.jobs.SesSuppressionEndpoint;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.aggregate.ReputationThresholds;
import io.sesanalytics.jobs.alert.AlertsJob;
import io.sesanalytics.jobs.alert.ReputationMetrics;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableSnapshots;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.sessync.SesSyncJob;
import io.sesanalytics.jobs.sessync.SesSyncLedger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import io.sesanalytics.jobs.HeadlessChromium;
import io.sesanalytics.jobs.report.HtmlReport;
import io.sesanalytics.jobs.report.ReportJob;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly pipeline over the sample's three nights with its alerts on, against moto's SNS, SQS and
 * CloudWatch in a child process; then the SES sync of the last night against a stand-in of SES v2's
 * suppression-list API that throttles some calls, through the real SDK client.
 */
class NightlyNotificationsTest {
    private static final List<LocalDate> NIGHTS = List.of(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"),
            LocalDate.parse("2026-11-22"));
    private static final LocalDate LAST = NIGHTS.get(2);
    /** Low enough that the sample's senders are rated rather than LOW_VOLUME. */
    private static final long MIN_VOLUME = 20;
    private static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static MotoServer moto;
    /** The SDK's CloudWatch client speaks CBOR, which moto does not: its calls go through this relay. */
    private static CloudWatchCborRelay cloudwatchRelay;
    private static String warehouse;
    private static String queueUrl;
    private static NightlyPipeline.Result result;
    private static final List<AlertsJob.AlertsSummary> alerted = new ArrayList<>();

    @BeforeAll
    static void runNights() throws Exception {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        moto = MotoServer.start();
        cloudwatchRelay = new CloudWatchCborRelay(moto.endpoint());
        String topicArn;
        try (SnsClient sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             SqsClient sqs = sqs()) {
            topicArn = sns.createTopic(r -> r.name("ses-reputation")).topicArn();
            queueUrl = sqs.createQueue(r -> r.queueName("alerts")).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));
        }
        warehouse = dir.resolve("warehouse").toString();
        NightlyPipeline.Config defaults = NightlyPipeline.Config.defaults("../sample/raw", warehouse, NIGHTS);
        NightlyPipeline.Config config = new NightlyPipeline.Config(NIGHTS, defaults.normalize(),
                new AggregateJob.Config(warehouse, NIGHTS.get(0), AggregateJob.DEFAULT_WINDOW_DAYS, AggregateJob.DEFAULT_TOP,
                        new ReputationThresholds(MIN_VOLUME)),
                defaults.suppress(), defaults.catalog(),
                new AlertsJob.Config(warehouse, NIGHTS.get(0), topicArn, true, REGION, moto.endpoint(), cloudwatchRelay.endpoint()),
                null, true);
        result = NightlyPipeline.run(SparkTestSession.get(), config, new StepTimings(), new NightlyPipeline.Progress() {
            @Override
            public void alerted(AlertsJob.AlertsSummary summary) {
                alerted.add(summary);
            }
        });
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (cloudwatchRelay != null) {
            cloudwatchRelay.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void alertsPublishOneMessagePerNightWithEntriesAndPutTheMetrics() throws Exception {
        assertEquals(NIGHTS, alerted.stream().map(AlertsJob.AlertsSummary::date).toList(), "alerts ran after each night");
        // Every key the aggregate job saw alerting on the last night is in that night's message, by its key.
        Map<String, List<String>> windowAlerts = result.nights().get(2).aggregate().windowAlerts();
        List<String> alertingKeys = windowAlerts.values().stream().flatMap(List::stream)
                .map(alert -> alert.substring(0, alert.indexOf(" bounce "))).toList();
        assertFalse(alertingKeys.isEmpty(), "the sample alerts on " + LAST + " at a minimum volume of " + MIN_VOLUME
                + ": " + windowAlerts);
        AlertsJob.AlertsSummary last = alerted.get(2);
        assertEquals(alertingKeys.size(), last.alerting(), "the stats tables and the aggregate summary agree");

        List<Message> messages = new ArrayList<>();
        try (SqsClient sqs = sqs()) {
            for (int i = 0; i < 5; i++) {
                messages.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
            }
        }
        long published = alerted.stream().filter(a -> a.messageId() != null).count();
        assertEquals(published, messages.size(), "one message per night with an entry; got " + messages.size());
        assertEquals(alerted.stream().filter(a -> a.entered() > 0).count(), published);
        assertTrue(published >= 1);
        String all = messages.stream().map(Message::body).collect(Collectors.joining("\n----\n"));
        System.out.println("SNS messages received through SQS:\n" + all);
        String body = messages.get(messages.size() - 1).body();
        for (String key : alertingKeys) {
            if (last.entered() > 0) {
                assertTrue(body.contains(" " + key + " ["), "the message names " + key + ":\n" + body);
            }
        }

        // CloudWatch: three metrics per sender domain and configuration set of the night, at the night's date.
        Dataset<Row> domains = TableWriter.read(SparkTestSession.get(), Table.DOMAIN_DAILY_STATS, warehouse)
                .filter(col("stat_date").equalTo(lit(LAST)));
        Row first = domains.orderBy("source_domain").first();
        try (CloudWatchClient cloudwatch = CloudWatchClient.builder().endpointOverride(cloudwatchRelay.endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            List<Metric> metrics = cloudwatch.listMetricsPaginator(r -> r.namespace(ReputationMetrics.NAMESPACE))
                    .metrics().stream().toList();
            Set<String> names = metrics.stream().map(m -> m.metricName() + " " + m.dimensions().get(0).name() + "="
                    + m.dimensions().get(0).value()).collect(Collectors.toCollection(TreeSet::new));
            System.out.println("CloudWatch metrics in " + ReputationMetrics.NAMESPACE + ": " + names);
            for (String metric : List.of(ReputationMetrics.BOUNCE_RATE, ReputationMetrics.COMPLAINT_RATE, ReputationMetrics.VOLUME)) {
                assertTrue(names.contains(metric + " SenderDomain=" + first.getAs("source_domain")), metric + " in " + names);
            }
            assertTrue(names.stream().anyMatch(n -> n.startsWith("Volume ConfigurationSet=")), names.toString());
            Instant at = LAST.atStartOfDay(ZoneOffset.UTC).toInstant();
            GetMetricDataResponse data = cloudwatch.getMetricData(r -> r.startTime(at.minusSeconds(60)).endTime(at.plusSeconds(60))
                    .metricDataQueries(q -> q.id("volume").metricStat(s -> s.period(60).stat("Sum").metric(m -> m
                            .namespace(ReputationMetrics.NAMESPACE).metricName(ReputationMetrics.VOLUME)
                            .dimensions(d -> d.name(ReputationMetrics.SENDER_DOMAIN).value(first.getAs("source_domain")))))));
            MetricDataResult volume = data.metricDataResults().get(0);
            System.out.println("GetMetricData Volume SenderDomain=" + first.getAs("source_domain") + " at " + at + ": "
                    + volume.values() + " (rate_basis " + first.getAs("rate_basis") + ")");
            assertEquals(List.of(((Long) first.getAs("rate_basis")).doubleValue()), volume.values());
        }
        JsonNode summary = RunSummaries.read(SparkTestSession.get(), warehouse, LAST).path(AlertsJob.SECTION);
        assertEquals(last.metrics(), summary.path("metrics").asInt(), summary.toString());
    }

    @Test
    void sesSyncPlansThenAppliesThenPlansNothingAndDeletesOnlyWhatItAdded() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Map<String, String> ours = suppressed(spark);
        assertTrue(ours.size() >= 3, "the sample suppresses some addresses on " + LAST + ": " + ours);
        String theirs = ours.keySet().iterator().next();
        try (SesSuppressionEndpoint ses = new SesSuppressionEndpoint(4)) {
            // Listed in SES by someone else: one address we suppress too, and some we know nothing of, over pages.
            ses.seed(theirs, ours.get(theirs));
            for (int i = 1; i <= 5; i++) {
                ses.seed("other" + i + "@elsewhere.example", i % 2 == 0 ? "COMPLAINT" : "BOUNCE");
            }
            Map<String, String> seeded = ses.listed();
            Path planFile = dir.resolve("ses-sync-plan.csv");

            SesSyncJob.Outcome plan = SesSyncJob.run(spark, config(ses, false, planFile.toString()));
            System.out.println("plan: " + plan.summary());
            assertEquals(ours.size() - 1, plan.summary().plannedPuts());
            assertEquals(0, plan.summary().plannedDeletes());
            assertEquals(seeded.size(), plan.summary().sesListed(), "every page was read");
            assertEquals(seeded, ses.listed(), "a plan changes nothing");
            assertEquals(0, ses.calls("PUT") + ses.calls("DELETE"));
            assertEquals(ours.size(), java.nio.file.Files.readAllLines(planFile).size(), "header and one line per put");

            SesSyncJob.Outcome applied = SesSyncJob.run(spark, config(ses, true, null));
            System.out.println("apply: " + applied.summary() + "; throttled responses so far: " + ses.throttled());
            assertEquals(ours.size() - 1, applied.summary().put());
            Map<String, String> expected = new TreeMap<>(seeded);
            expected.putAll(ours);
            assertEquals(expected, ses.listed(), "SES lists our suppressed set beside what others put there");
            assertTrue(ses.throttled() > 0, "some calls were throttled and retried");
            assertEquals(ours.size() - 1, SesSyncLedger.read(spark, warehouse).added().size());

            int putsBefore = ses.calls("PUT");
            SesSyncJob.Outcome again = SesSyncJob.run(spark, config(ses, true, null));
            System.out.println("second run: " + again.summary());
            assertTrue(again.plan().isEmpty(), "a second run plans nothing: " + again.summary());
            assertEquals(putsBefore, ses.calls("PUT"));
            assertEquals(0, ses.calls("DELETE"));

            // Release one address we added and the one someone else added.
            String ourOwn = ours.keySet().stream().filter(a -> !a.equals(theirs)).findFirst().orElseThrow();
            release(spark, Set.of(ourOwn, theirs));
            SesSyncJob.Outcome released = SesSyncJob.run(spark, config(ses, true, null));
            System.out.println("after a release: " + released.summary());
            assertEquals(List.of(ourOwn), released.plan().deletes());
            assertEquals(1, released.summary().deleted());
            assertFalse(ses.listed().containsKey(ourOwn), "the released address this tool added is gone from SES");
            assertTrue(ses.listed().containsKey(theirs), "an address someone else added stays");
            seeded.keySet().forEach(address -> assertTrue(ses.listed().containsKey(address), address));
            assertFalse(SesSyncLedger.read(spark, warehouse).added().containsKey(ourOwn));
            assertTrue(SesSyncJob.run(spark, config(ses, true, null)).plan().isEmpty(), "settled");
        }
        JsonNode summary = RunSummaries.read(spark, warehouse, LAST).path(SesSyncJob.SECTION);
        assertTrue(summary.path("applied").asBoolean(), summary.toString());
        assertEquals(0, summary.path("planned_puts").asInt(summary.path("plannedPuts").asInt(-1)), summary.toString());
    }

    @Test
    void aFailureToAlertFailsLoudlyAndLeavesTheTables() {
        SparkSession spark = SparkTestSession.get();
        TableSnapshots before = TableSnapshots.of(spark, warehouse);
        AlertsJob.Config missingTopic = new AlertsJob.Config(warehouse, LAST,
                "arn:aws:sns:" + REGION + ":123456789012:no-such-topic", false, REGION, moto.endpoint(), null);
        RuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> AlertsJob.run(spark, missingTopic));
        System.out.println("alerting to a missing topic: " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage().lines().findFirst().orElse(""));
        assertEquals(Map.of(), TableSnapshots.of(spark, warehouse).madeSince(before), "no table changed");
    }

    @Test
    void theReportOpensOfflineWithEveryChartDrawn() throws Exception {
        Path written = Path.of(ReportJob.defaultLocation(warehouse, LAST).replaceFirst("^file:", ""));
        assertTrue(Files.isRegularFile(written), "nightly wrote the report beside the exports: " + written);
        // The report command's job, into the build's output, where the screenshot goes too.
        Path out = Path.of("target", "report-test");
        Files.createDirectories(out);
        Path page = out.resolve("report.html");
        ReportJob.run(SparkTestSession.get(), new ReportJob.Config(warehouse, LAST, page.toAbsolutePath().toString()));
        String html = Files.readString(page);
        assertFalse(html.contains("<script src"), "nothing is fetched: the library is inlined");
        assertTrue(html.length() > 1_000_000, "ECharts is inlined: " + html.length() + " characters");

        HeadlessChromium.Run dom = HeadlessChromium.dumpDom(page, out.resolve("profile"));
        assertEquals(List.of(), dom.console(), "no console messages");
        assertTrue(dom.stdout().contains("data-charts-drawn=\"" + HtmlReport.CHARTS.size() + "\""),
                "every chart drawn; body: " + dom.stdout().substring(dom.stdout().indexOf("<body"), dom.stdout().indexOf("<body") + 300));
        assertFalse(dom.stdout().contains("data-error=\""), "no error while drawing");
        for (HtmlReport.Chart chart : HtmlReport.CHARTS) {
            int at = dom.stdout().indexOf("id=\"" + chart.id() + "\"");
            assertTrue(at > 0, chart.id());
            int next = dom.stdout().indexOf("class=\"chart\"", at);
            String element = dom.stdout().substring(at, next < 0 ? dom.stdout().indexOf("</div>\n</div>", at) : next);
            assertTrue(element.contains("<canvas"), chart.id() + " got a canvas: " + element.substring(0, Math.min(300, element.length())));
        }

        Path png = out.resolve("report-screenshot.png");
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(page, out.resolve("profile"), png, 1400, 2400);
        BufferedImage image = ImageIO.read(png.toFile());
        long inked = 0;
        Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        double share = (double) inked / ((long) image.getWidth() * image.getHeight());
        System.out.printf("screenshot %s: %dx%d, %.1f %% non-white pixels, %d colours%n", png.toAbsolutePath(),
                image.getWidth(), image.getHeight(), share * 100, colours.size());
        assertTrue(share > 0.02, "the screenshot is not blank: " + share);
        assertTrue(colours.size() > 50, "charts in colour, not just text: " + colours.size());
    }

    private static SesSyncJob.Config config(SesSuppressionEndpoint ses, boolean apply, String planFile) {
        return new SesSyncJob.Config(warehouse, LAST, apply, false, planFile, REGION, ses.endpoint());
    }

    private static Map<String, String> suppressed(SparkSession spark) {
        Map<String, String> ours = new TreeMap<>();
        TableWriter.read(spark, Table.SUPPRESSION, warehouse)
                .filter(col("state_date").equalTo(lit(LAST)).and(col("status").equalTo("SUPPRESSED")))
                .select("address", "reason").collectAsList().forEach(r -> ours.put(r.getString(0), r.getString(1)));
        return ours;
    }

    /** The night's state with the addresses released, as a later night would have it. */
    private static void release(SparkSession spark, Set<String> addresses) {
        Dataset<Row> state = TableWriter.read(spark, Table.SUPPRESSION, warehouse).filter(col("state_date").equalTo(lit(LAST)));
        Dataset<Row> changed = spark.createDataFrame(state.withColumn("status",
                when(col("address").isin(addresses.toArray()), lit("RELEASED")).otherwise(col("status")))
                .collectAsList(), state.schema());
        TableWriter.replaceWhere(spark, changed, Table.SUPPRESSION, warehouse, col("state_date").equalTo(lit(LAST)));
    }

    private static SqsClient sqs() {
        return SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }
}
