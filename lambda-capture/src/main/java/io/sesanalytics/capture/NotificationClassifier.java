package io.sesanalytics.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.CapturedLine;
import io.sesanalytics.raw.SnsEnvelope;
import io.sesanalytics.raw.UnparsedLine;

import java.time.Instant;
import java.util.Map;

/**
 * Turns what arrived (an SNS message, or bare SES JSON from an SQS queue with raw delivery) into one
 * {@link CapturedLine}. Recognised messages are kept as they came; anything else becomes an
 * {@link UnparsedLine} holding the original text and the reason.
 */
public final class NotificationClassifier {
    /** An SNS message already parsed, as in {@code Records[].Sns} of an SNS-triggered invocation. */
    public CapturedLine fromSnsMessage(Map<String, Object> sns, String source, String sourceId, Instant capturedAt) {
        String line = JsonTree.write(sns);
        String type = JsonTree.text(sns, SnsEnvelope.TYPE);
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

    /** Text that should be an SNS message or bare SES JSON, such as an SQS message body. */
    public CapturedLine fromText(String text, String source, String sourceId, Instant capturedAt) {
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

    static boolean isSnsMessage(Map<String, Object> message) {
        return SnsEnvelope.isEnvelope(field -> message.get(field) instanceof String);
    }
}
