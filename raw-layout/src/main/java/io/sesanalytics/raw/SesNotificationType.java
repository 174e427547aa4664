package io.sesanalytics.raw;

import java.util.Arrays;
import java.util.Optional;

/** The {@code notificationType} values SES sends: identity notifications about sent mail, and receipt. */
public enum SesNotificationType {
    BOUNCE("Bounce", SesEventType.BOUNCE),
    COMPLAINT("Complaint", SesEventType.COMPLAINT),
    DELIVERY("Delivery", SesEventType.DELIVERY),
    /** A receipt notification: SES received a message for one of the identities. */
    RECEIVED("Received", null);

    private final String text;
    private final SesEventType eventType;

    SesNotificationType(String text, SesEventType eventType) {
        this.text = text;
        this.eventType = eventType;
    }

    /** The value as SES writes it. */
    public String text() {
        return text;
    }

    /** The sending event this notification reports, or null for {@link #RECEIVED}. */
    public SesEventType eventType() {
        return eventType;
    }

    public static Optional<SesNotificationType> fromText(String text) {
        return Arrays.stream(values()).filter(type -> type.text.equals(text)).findFirst();
    }
}
