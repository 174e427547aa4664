package io.sesanalytics.raw;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of SES sending event: the {@code eventType} of configuration-set event publishing, the key of
 * the event's detail object, and the name the tables use. Identity notifications report three of them; see
 * {@link SesNotificationType}.
 */
public enum SesEventType {
    SEND("Send", "send"),
    REJECT("Reject", "reject"),
    BOUNCE("Bounce", "bounce"),
    COMPLAINT("Complaint", "complaint"),
    DELIVERY("Delivery", "delivery"),
    OPEN("Open", "open"),
    CLICK("Click", "click"),
    RENDERING_FAILURE("Rendering Failure", "failure"),
    DELIVERY_DELAY("DeliveryDelay", "deliveryDelay"),
    SUBSCRIPTION("Subscription", "subscription");

    private static final Map<String, SesEventType> BY_EVENT_TYPE = index(SesEventType::eventType);
    private static final Map<String, SesEventType> BY_TABLE_NAME = index(SesEventType::tableName);

    private final String eventType;
    private final String detailKey;
    private final String tableName;

    SesEventType(String eventType, String detailKey) {
        this.eventType = eventType;
        this.detailKey = detailKey;
        this.tableName = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The {@code eventType} of event publishing, such as {@code Rendering Failure}. */
    public String eventType() {
        return eventType;
    }

    /** The key of the event's detail object in event publishing, such as {@code deliveryDelay}. */
    public String detailKey() {
        return detailKey;
    }

    /** The value of the tables' {@code event_type} column, such as {@code rendering_failure}. */
    public String tableName() {
        return tableName;
    }

    public static Optional<SesEventType> fromEventType(String eventType) {
        return Optional.ofNullable(BY_EVENT_TYPE.get(eventType));
    }

    public static Optional<SesEventType> fromTableName(String tableName) {
        return Optional.ofNullable(BY_TABLE_NAME.get(tableName));
    }

    private static Map<String, SesEventType> index(Function<SesEventType, String> key) {
        return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
