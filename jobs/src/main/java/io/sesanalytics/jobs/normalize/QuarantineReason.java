package io.sesanalytics.jobs.normalize;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a raw line was quarantined: the fixed set of codes of the quarantine table's {@code reason} column and of
 * the run summary's count by reason. The code never carries content of the line; the parser's message, which
 * may, goes to {@code reason_detail}.
 */
public enum QuarantineReason {
    NOT_JSON("the line is not JSON"),
    NOT_AN_OBJECT("the line, or the Message of its SNS envelope, is JSON but not an object"),
    SNS_NOT_NOTIFICATION("an SNS message whose Type is not Notification, e.g. a SubscriptionConfirmation; the detail is the Type"),
    SNS_MESSAGE_MISSING("an SNS message without a Message string"),
    SNS_MESSAGE_NOT_JSON("the Message of an SNS message is not JSON"),
    UNKNOWN_EVENT_TYPE("an eventType this version does not know; the detail is exactly the eventType, so a later run can find the dates to normalize again"),
    UNKNOWN_NOTIFICATION_TYPE("a notificationType this version does not know; the detail is exactly the notificationType"),
    NO_EVENT_TYPE("neither an eventType nor a notificationType string"),
    NO_MESSAGE_ID("no mail object with a messageId"),
    NO_RECIPIENTS("a sending event without the recipient addresses it is about"),
    NO_RECEIPT("a receipt notification without its receipt object"),
    BAD_TIMESTAMP("a timestamp the event's time is taken from is missing or in no documented form"),
    IMPLAUSIBLE_TIME("the event's (or receipt's) time lies outside the window around the capture date"),
    CAPTURE_UNPARSED("a line the capture Lambda stored as unparsed; the detail is the Lambda's reason"),
    UNEXPECTED_ERROR("the parser failed on the line in a way it does not foresee; the detail names the error"),
    TRUNCATED_GZIP("the rest of a raw object whose gzip stream ends early"),
    NOT_GZIP("a raw object that is not gzip");

    private final String code;
    private final String meaning;

    QuarantineReason(String meaning) {
        this.code = name().toLowerCase(Locale.ROOT);
        this.meaning = meaning;
    }

    /** The stable lower-case code stored in {@code reason}, such as {@code bad_timestamp}. */
    public String code() {
        return code;
    }

    /** What the code means, for the column comment and the documentation. */
    public String meaning() {
        return meaning;
    }

    public static Optional<QuarantineReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** Every code, comma-separated, for the column comment. */
    public static String codes() {
        return Arrays.stream(values()).map(QuarantineReason::code).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return code;
    }
}
