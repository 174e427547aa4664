package io.sesanalytics.capture;

import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.SesEventType;
import io.sesanalytics.raw.SesNotificationType;

import java.util.Map;

/** The SES message vocabularies of both notification formats, and which kind of capture line each is. */
public final class SesMessageTypes {
    private SesMessageTypes() {
    }

    /**
     * Decides the kind of an SES JSON object.
     *
     * @param message a parsed JSON object (see {@link JsonTree}), or null for any other JSON value
     * @return the kind, or the reason why the message is not an SES message this project knows
     */
    public static Classification classify(Map<String, Object> message) {
        if (message == null) {
            return Classification.rejected("SES message is not a JSON object");
        }
        CaptureKind kind;
        if (message.get("eventType") instanceof String eventType) {
            if (SesEventType.fromEventType(eventType).isEmpty()) {
                return Classification.rejected("unknown eventType '" + eventType + "'");
            }
            kind = CaptureKind.NOTIFICATIONS;
        } else if (message.get("notificationType") instanceof String type) {
            SesNotificationType notificationType = SesNotificationType.fromText(type).orElse(null);
            if (notificationType == null) {
                return Classification.rejected("unknown notificationType '" + type + "'");
            }
            kind = notificationType == SesNotificationType.RECEIVED ? CaptureKind.RECEIVED : CaptureKind.NOTIFICATIONS;
        } else {
            return Classification.rejected("neither eventType nor notificationType is present");
        }
        if (!(message.get("mail") instanceof Map<?, ?>)) {
            return Classification.rejected("no mail object");
        }
        return Classification.accepted(kind);
    }

    /** Outcome of {@link #classify}: a kind, or the reason for refusing the message. */
    public record Classification(CaptureKind kind, String rejection) {
        static Classification accepted(CaptureKind kind) {
            return new Classification(kind, null);
        }

        static Classification rejected(String reason) {
            return new Classification(null, reason);
        }

        public boolean isAccepted() {
            return kind != null;
        }
    }
}
