package io.sesanalytics.capture;

import java.util.Map;
import java.util.Set;

/** The SES message vocabularies of both notification formats, and which kind of capture line each is. */
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
            if (!EVENT_TYPES.contains(eventType)) {
                return Classification.rejected("unknown eventType '" + eventType + "'");
            }
            kind = CaptureKind.NOTIFICATIONS;
        } else if (message.get("notificationType") instanceof String type) {
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
