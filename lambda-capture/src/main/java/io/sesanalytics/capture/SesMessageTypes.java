package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** The SES message vocabularies of both notification formats, and which capture folder each belongs to. */
public final class SesMessageTypes {
    /** {@code eventType} values of configuration-set event publishing. */
    public static final Set<String> EVENT_TYPES = Set.of(
            "Send", "Reject", "Bounce", "Complaint", "Delivery", "Open", "Click",
            "Rendering Failure", "DeliveryDelay", "Subscription");

    /** {@code notificationType} values of identity notifications about sent mail. */
    public static final Set<String> NOTIFICATION_TYPES = Set.of("Bounce", "Complaint", "Delivery");

    /** {@code notificationType} of receipt notifications. */
    public static final String RECEIVED = "Received";

    private SesMessageTypes() {
    }

    /**
     * Decides the folder of an SES JSON object.
     *
     * @return the kind, or the reason why the object is not an SES message this project knows
     */
    public static Classification classify(JsonNode ses) {
        if (ses == null || !ses.isObject()) {
            return Classification.rejected("SES message is not a JSON object");
        }
        JsonNode eventType = ses.get("eventType");
        JsonNode notificationType = ses.get("notificationType");
        CaptureKind kind;
        if (eventType != null && eventType.isTextual()) {
            if (!EVENT_TYPES.contains(eventType.asText())) {
                return Classification.rejected("unknown eventType '" + eventType.asText() + "'");
            }
            kind = CaptureKind.NOTIFICATIONS;
        } else if (notificationType != null && notificationType.isTextual()) {
            String type = notificationType.asText();
            if (RECEIVED.equals(type)) {
                kind = CaptureKind.RECEIVED;
            } else if (NOTIFICATION_TYPES.contains(type)) {
                kind = CaptureKind.NOTIFICATIONS;
            } else {
                return Classification.rejected("unknown notificationType '" + type + "'");
            }
        } else {
            return Classification.rejected("neither eventType nor notificationType is present");
        }
        if (!ses.path("mail").isObject()) {
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
