package io.sesanalytics.capture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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

/**
 * The Lambda entry point for all three inputs: SNS events, SQS batches and HTTPS posts of SNS
 * messages. It tells them apart by shape, stores what arrived and does nothing else.
 */
public final class CaptureHandler implements RequestStreamHandler {
    /** Whole numbers and decimals are kept exactly as they came when a line is written back. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final NotificationClassifier classifier;
    private final CaptureWriter writer;
    private final SnsEventCapture sns;
    private final SqsBatchCapture sqs;
    private final HttpsSnsCapture https;
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.classifier = new NotificationClassifier(MAPPER);
        this.writer = new CaptureWriter(store, new CaptureKeys(config.prefix()));
        this.sns = new SnsEventCapture(classifier, writer, MAPPER);
        this.sqs = new SqsBatchCapture(classifier, writer, MAPPER);
        this.https = new HttpsSnsCapture(config.allowedTopicArns(),
                new SnsSignatureVerifier(new SigningCertificates(urlPolicy, http)),
                new SubscriptionConfirmer(urlPolicy, http),
                classifier, writer, MAPPER);
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        MAPPER.writeValue(output, handle(input.readAllBytes(), requestId));
    }

    /** Handles one invocation payload and returns the response Lambda should send back. */
    public JsonNode handle(byte[] payload, String requestId) {
        Instant now = clock.instant();
        JsonNode event;
        try {
            event = MAPPER.readTree(payload);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return storeUnknown("invocation payload is not a JSON object", payload, requestId, now);
        }
        JsonNode records = event.path("Records");
        if (records.isArray() && !records.isEmpty()) {
            String source = records.get(0).path("EventSource").asText(records.get(0).path("eventSource").asText());
            if ("aws:sns".equals(source)) {
                return sns.handle(records, requestId, now);
            }
            if ("aws:sqs".equals(source)) {
                return sqs.handle(records, requestId, now);
            }
        }
        if (event.has("requestContext") && event.has("body")) {
            return https.handle(event, requestId, now);
        }
        return storeUnknown("invocation of unknown shape", payload, requestId, now);
    }

    private JsonNode storeUnknown(String reason, byte[] payload, String requestId, Instant now) {
        CapturedLine line = classifier.unparsed(reason, new String(payload, StandardCharsets.UTF_8), "invoke", requestId, now);
        if (!writer.write(List.of(line), requestId, now).allStored()) {
            throw new CaptureFailedException("an unrecognised invocation could not be stored");
        }
        return MAPPER.createObjectNode().put("unparsed", 1);
    }
}
