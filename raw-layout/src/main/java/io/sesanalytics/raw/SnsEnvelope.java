package io.sesanalytics.raw;

import java.util.List;
import java.util.function.Predicate;

/**
 * The SNS message around an SES message, as SNS delivers it to Lambda, to SQS without raw delivery and to
 * HTTPS endpoints. Its field names, and how a JSON object is told to be one.
 */
public final class SnsEnvelope {
    public static final String TYPE = "Type";
    public static final String MESSAGE_ID = "MessageId";
    public static final String TOPIC_ARN = "TopicArn";
    public static final String MESSAGE = "Message";
    /** The {@code Type} of a message that carries a published notification. */
    public static final String NOTIFICATION = "Notification";

    /** The fields that every SNS message has as strings and no SES message has at its top level. */
    private static final List<String> IDENTIFYING_FIELDS = List.of(TYPE, MESSAGE_ID, TOPIC_ARN);

    private SnsEnvelope() {
    }

    /**
     * Whether a JSON object is an SNS message, whatever the JSON library.
     *
     * @param isTextField tells whether the object has the named field as a string
     */
    public static boolean isEnvelope(Predicate<String> isTextField) {
        return IDENTIFYING_FIELDS.stream().allMatch(isTextField);
    }
}
