package io.sesanalytics.capture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sesanalytics.raw.CaptureKeys;
import io.sesanalytics.raw.CapturedLine;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Lambda entry point for all four inputs: SNS events, SQS batches, HTTPS posts of SNS messages and
 * SES receipt rules' Lambda actions. It tells them apart by shape, stores what arrived and does nothing else.
 */
public final class CaptureHandler implements RequestStreamHandler {
    private final NotificationClassifier classifier;
    private final CaptureWriter writer;
    private final SnsEventCapture sns;
    private final SqsBatchCapture sqs;
    private final HttpsSnsCapture https;
    private final SesReceiptCapture sesReceipts;
    private final Clock clock;

    /** Used by Lambda: configuration from the environment, clients built once per container. */
    public CaptureHandler() {
        this(CaptureConfig.fromEnvironment(System.getenv()),
                new S3CaptureStore(S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                        System.getenv(CaptureConfig.BUCKET)),
                SnsUrlPolicy.snsEndpointsOnly(),
                Clock.systemUTC());
    }

    public CaptureHandler(CaptureConfig config, CaptureStore store, SnsUrlPolicy urlPolicy, Clock clock) {
        Supplier<HttpClient> http = () -> SnsHttpClient.CLIENT;
        this.classifier = new NotificationClassifier();
        this.writer = new CaptureWriter(store, new CaptureKeys(config.prefix()));
        this.sns = new SnsEventCapture(classifier, writer);
        this.sqs = new SqsBatchCapture(classifier, writer);
        this.https = new HttpsSnsCapture(config.allowedTopicArns(), config.maxMessageAge(),
                new SnsSignatureVerifier(new SigningCertificates(urlPolicy, http)),
                new SubscriptionConfirmer(urlPolicy, http),
                classifier, writer);
        this.sesReceipts = new SesReceiptCapture(classifier, writer);
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        JsonTree.write(handle(input.readAllBytes(), requestId), output);
    }

    /** Handles one invocation payload and returns the response Lambda should send back, a JSON object. */
    public Map<String, Object> handle(byte[] payload, String requestId) {
        Instant now = clock.instant();
        Map<String, Object> event;
        try {
            event = JsonTree.object(JsonTree.parse(payload));
        } catch (JsonProcessingException e) {
            event = null;
        }
        if (event == null) {
            return storeUnknown("invocation payload is not a JSON object", payload, requestId, now);
        }
        List<Object> records = JsonTree.array(event.get("Records"));
        if (records != null && !records.isEmpty()) {
            Object source = eventSource(records.get(0));
            if ("aws:sns".equals(source)) {
                return sns.handle(records, requestId, now);
            }
            if ("aws:sqs".equals(source)) {
                return sqs.handle(records, requestId, now);
            }
            if ("aws:ses".equals(source)) {
                return sesReceipts.handle(records, requestId, now);
            }
        }
        // A function URL or API Gateway request, with or without a body: HttpsSnsCapture answers every one.
        if (event.get("requestContext") instanceof Map<?, ?>) {
            return https.handle(event, requestId, now);
        }
        return storeUnknown("invocation of unknown shape", payload, requestId, now);
    }

    /** SNS names a record's source EventSource, SQS eventSource. */
    private static Object eventSource(Object record) {
        Map<String, Object> fields = JsonTree.object(record);
        if (fields == null) {
            return null;
        }
        Object sns = fields.get("EventSource");
        return sns != null ? sns : fields.get("eventSource");
    }

    private Map<String, Object> storeUnknown(String reason, byte[] payload, String requestId, Instant now) {
        CapturedLine line = classifier.unparsed(reason, new String(payload, StandardCharsets.UTF_8), "invoke", requestId, now);
        if (!writer.write(List.of(line), requestId, now).allStored()) {
            throw new CaptureFailedException("an unrecognised invocation could not be stored");
        }
        return Map.of("unparsed", 1);
    }

    /** The client for SNS's certificate and subscription URLs, started on first use: only HTTPS posts need it. */
    private static final class SnsHttpClient {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
