package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.CapturedLine;
import io.sesanalytics.raw.SnsEnvelope;
import io.sesanalytics.raw.UnparsedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;

/**
 * Turns what arrived (an SNS message, or bare SES JSON from an SQS queue with raw delivery) into one
 * {@link CapturedLine}. Recognised messages are kept as they came; anything else becomes an
 * {@link UnparsedLine} holding the original text and the reason. SES's own set-up messages are recognised
 * and logged but not stored: they describe no mail (see {@link #setUpMessage}).
 */
public final class NotificationClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationClassifier.class);
    /** What SES sends to a topic when it becomes the SNS destination of identity notifications. */
    static final String SUBSCRIPTION_SUCCEEDED = "AmazonSnsSubscriptionSucceeded";
    /** What SES sends (as plain text) when a configuration set's SNS event destination is created. */
    static final String EVENT_PUBLISHING_VALIDATED = "Successfully validated SNS topic for Amazon SES event publishing.";

    /**
     * An SNS message already parsed, as in {@code Records[].Sns} of an SNS-triggered invocation.
     *
     * @return the line to store, or null for an SES set-up message, which is logged instead
     */
    public CapturedLine fromSnsMessage(Map<String, Object> sns, String source, String sourceId, Instant capturedAt) {
        String line = JsonTree.write(sns);
        String type = JsonTree.text(sns, SnsEnvelope.TYPE);
        if (SnsEnvelope.NOTIFICATION.equals(type) && sns.get(SnsEnvelope.MESSAGE) instanceof String text
                && setUpMessage(text, source, sourceId, JsonTree.text(sns, "TopicArn"))) {
            return null;
        }
        if (!SnsEnvelope.NOTIFICATION.equals(type)) {
            return unparsed("SNS message of Type '" + type + "' is not a Notification", line, source, sourceId, capturedAt);
        }
        if (!(sns.get(SnsEnvelope.MESSAGE) instanceof String message)) {
            return unparsed("SNS message has no Message string", line, source, sourceId, capturedAt);
        }
        Map<String, Object> ses;
        try {
            ses = JsonTree.object(JsonTree.parse(message));
        } catch (JsonProcessingException e) {
            return unparsed("SNS Message is not JSON: " + e.getOriginalMessage(), line, source, sourceId, capturedAt);
        }
        SesMessageTypes.Classification classification = SesMessageTypes.classify(ses);
        return classification.isAccepted()
                ? new CapturedLine(classification.kind(), line, sourceId)
                : unparsed(classification.rejection(), line, source, sourceId, capturedAt);
    }

    /**
     * Text that should be an SNS message or bare SES JSON, such as an SQS message body.
     *
     * @return the line to store, or null for an SES set-up message, which is logged instead
     */
    public CapturedLine fromText(String text, String source, String sourceId, Instant capturedAt) {
        if (setUpMessage(text, source, sourceId, "-")) {
            return null;
        }
        Map<String, Object> object;
        try {
            object = JsonTree.object(JsonTree.parse(text));
        } catch (JsonProcessingException e) {
            return unparsed("not JSON: " + e.getOriginalMessage(), text, source, sourceId, capturedAt);
        }
        if (object == null) {
            return unparsed("not a JSON object", text, source, sourceId, capturedAt);
        }
        if (isSnsMessage(object)) {
            return fromSnsMessage(object, source, sourceId, capturedAt);
        }
        SesMessageTypes.Classification classification = SesMessageTypes.classify(object);
        return classification.isAccepted()
                ? new CapturedLine(classification.kind(), JsonTree.write(object), sourceId)
                : unparsed(classification.rejection(), text, source, sourceId, capturedAt);
    }

    /** A line for input that could not be recognised at all, such as an invocation of unknown shape. */
    public CapturedLine unparsed(String reason, String raw, String source, String sourceId, Instant capturedAt) {
        String line = JsonTree.write(UnparsedLine.of(reason, raw, source, sourceId, capturedAt));
        return new CapturedLine(CaptureKind.UNPARSED, line, sourceId);
    }

    /**
     * True, after logging it, for a message SES sends when a topic is set up as a destination:
     * {@code {"notificationType":"AmazonSnsSubscriptionSucceeded","message":"You have successfully subscribed
     * your Amazon SNS topic ... to receive 'Bounce' notifications from Amazon SES for identity ..."}} for
     * identity notifications, or the text {@value #EVENT_PUBLISHING_VALIDATED} for an event destination.
     */
    static boolean setUpMessage(String text, String source, String sourceId, String topicArn) {
        String trimmed = text.strip();
        if (trimmed.equals(EVENT_PUBLISHING_VALIDATED)) {
            LOG.info("SES validated topic {} for event publishing ({} {})", topicArn, source, sourceId);
            return true;
        }
        if (!trimmed.startsWith("{") || !trimmed.contains(SUBSCRIPTION_SUCCEEDED)) {
            return false;
        }
        Map<String, Object> ses;
        try {
            ses = JsonTree.object(JsonTree.parse(trimmed));
        } catch (JsonProcessingException e) {
            return false;
        }
        if (ses == null || !SUBSCRIPTION_SUCCEEDED.equals(ses.get("notificationType")) || ses.containsKey("mail")) {
            return false;
        }
        // The message names the identity, which may be an address: it is not logged.
        LOG.info("SES subscription succeeded ({} {}, topic {})", source, sourceId, topicArn);
        return true;
    }

    static boolean isSnsMessage(Map<String, Object> message) {
        return SnsEnvelope.isEnvelope(field -> message.get(field) instanceof String);
    }
}
