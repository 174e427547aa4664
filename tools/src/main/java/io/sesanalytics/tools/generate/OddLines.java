package io.sesanalytics.tools.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.NotificationClassifier;
import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.CapturedLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lines a reader of the raw layout must survive: malformed sending events (as if something had
 * bypassed the Lambda) and the Lambda's own unparsed lines.
 */
final class OddLines {
    /** Decimals read exactly, so that a rewritten line keeps its numbers. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String[] UNKNOWN_EVENT_TYPES = {"Unsubscribe", "Opened", "send"};

    private final SesEventFactory factory;
    private final NotificationClassifier classifier = new NotificationClassifier();

    OddLines(SesEventFactory factory) {
        this.factory = factory;
    }

    /**
     * A broken line: truncated JSON, an SNS message whose Message is not JSON, or an unknown eventType.
     *
     * @param auxMail a mail number outside the day's mails, to borrow a realistic line from
     */
    String malformed(SplittableRandom r, long epochDay, long auxMail, long capturedMs, long windowMs, long dayStartMs) {
        int kind = r.nextInt(10);
        if (kind < 3) {
            return JsonText.sns("This is a test message published from the Amazon SNS console.", JsonText.uuid(r),
                    capturedMs - 1_000 - r.nextInt(30_000));
        }
        List<String> lines = new ArrayList<>();
        factory.lines(epochDay, auxMail, capturedMs, windowMs, dayStartMs, lines);
        String line = lines.get(0);
        if (kind < 7) {
            return line.substring(0, line.length() / 4 + r.nextInt(line.length() / 2));
        }
        String eventType = UNKNOWN_EVENT_TYPES[r.nextInt(UNKNOWN_EVENT_TYPES.length)];
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(line);
            JsonNode message = node.get("Message");
            if (message == null) {
                node.put("eventType", eventType);
            } else {
                ObjectNode ses = (ObjectNode) MAPPER.readTree(message.asText());
                ses.put("eventType", eventType);
                node.put("Message", MAPPER.writeValueAsString(ses));
            }
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated line is not JSON", e);
        }
    }

    /** An unparsed line, made by the Lambda's own classifier from something SQS really delivers. */
    String unparsed(SplittableRandom r, long capturedMs) {
        String sqsMessageId = JsonText.uuid(r);
        String snsMessageId = JsonText.uuid(r);
        long publishedMs = capturedMs - 1_000 - r.nextInt(60_000);
        String body = switch (r.nextInt(3)) {
            case 0 -> subscriptionConfirmation(r, snsMessageId, publishedMs);
            // Someone else's publication on the topic: a CloudWatch alarm. (SES's own set-up messages, such as
            // AmazonSnsSubscriptionSucceeded, are recognised by the Lambda and never stored.)
            case 1 -> JsonText.sns(JsonText.object(g -> {
                g.writeStringField("AlarmName", "ses-bounce-rate-"
                        + Vocabulary.SENDERS.get(r.nextInt(Vocabulary.SENDERS.size())).domain());
                g.writeStringField("NewStateValue", "ALARM");
                g.writeStringField("NewStateReason", "Threshold Crossed: 1 datapoint was greater than the threshold (0.05).");
            }), snsMessageId, publishedMs);
            default -> "Test message sent from the Amazon SQS console";
        };
        CapturedLine line = classifier.fromText(body, "sqs", sqsMessageId, Instant.ofEpochMilli(capturedMs));
        if (line.kind() != CaptureKind.UNPARSED) {
            throw new IllegalStateException("the Lambda accepts a line meant to be unparsed: " + body);
        }
        return line.json();
    }

    private static String subscriptionConfirmation(SplittableRandom r, String messageId, long publishedMs) {
        String token = JsonText.hex(r, 256);
        return JsonText.object(g -> {
            g.writeStringField("Type", "SubscriptionConfirmation");
            g.writeStringField("MessageId", messageId);
            g.writeStringField("Token", token);
            g.writeStringField("TopicArn", Vocabulary.TOPIC_ARN);
            g.writeStringField("Message", "You have chosen to subscribe to the topic " + Vocabulary.TOPIC_ARN
                    + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
            g.writeStringField("SubscribeURL", "https://sns." + Vocabulary.REGION
                    + ".amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + Vocabulary.TOPIC_ARN + "&Token=" + token);
            g.writeStringField("Timestamp", JsonText.iso(publishedMs));
            g.writeStringField("SignatureVersion", "1");
            g.writeStringField("Signature", "EXAMPLE");
            g.writeStringField("SigningCertURL", Vocabulary.SIGNING_CERT_URL);
        });
    }
}
