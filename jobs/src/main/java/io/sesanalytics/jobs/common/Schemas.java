package io.sesanalytics.jobs.common;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

/**
 * The one definition of every table's columns. Spark writers, the Glue tables and the Athena DDL are
 * all derived from these; each field's comment becomes the column comment.
 */
public final class Schemas {
    private static final ArrayType STRINGS = DataTypes.createArrayType(StringType, true);

    /** One row per SES event per recipient. */
    public static final StructType EVENT = struct(
            field("event_id", StringType, "stable id: hash of message_id, event_type, event_time, recipient and link"),
            field("event_type", StringType, "send, reject, bounce, complaint, delivery, open, click, rendering_failure, delivery_delay, subscription"),
            field("source_format", StringType, "event_publishing (eventType) or identity_notification (notificationType)"),
            field("event_time", TimestampType, "when the event happened (UTC); the mail time for send, reject and rendering_failure"),
            field("event_date", DateType, "UTC date of event_time"),
            field("message_id", StringType, "SES message id (mail.messageId)"),
            field("mail_time", TimestampType, "when the mail was sent (mail.timestamp)"),
            field("source_address", StringType, "sender address, lower-cased, without display name"),
            field("source_domain", StringType, "domain of source_address"),
            field("source_display_name", StringType, "display name of mail.source, if any"),
            field("source_raw", StringType, "mail.source as sent"),
            field("from_header", StringType, "first From header, as sent"),
            field("recipient", StringType, "recipient address, lower-cased; null for opens, clicks and subscriptions of a mail with several recipients"),
            field("recipient_domain", StringType, "domain of recipient"),
            field("bounce_type", StringType, "Permanent, Transient or Undetermined"),
            field("bounce_subtype", StringType, "SES bounce subtype, e.g. General, NoEmail, MailboxFull"),
            field("bounce_status", StringType, "SMTP enhanced status code of the bounced or delayed recipient"),
            field("bounce_action", StringType, "DSN action of the bounced recipient"),
            field("diagnostic_code", StringType, "diagnostic code from the receiving MTA"),
            field("feedback_id", StringType, "SES feedbackId of a bounce or complaint"),
            field("complaint_feedback_type", StringType, "ARF feedback type, e.g. abuse"),
            field("complaint_subtype", StringType, "complaint subtype, e.g. OnAccountSuppressionList"),
            field("delay_type", StringType, "delivery delay type, e.g. MailboxFull, TransientCommunicationFailure"),
            field("reject_reason", StringType, "why SES rejected the mail"),
            field("rendering_error", StringType, "template rendering error message"),
            field("click_link", StringType, "clicked URL"),
            field("user_agent", StringType, "user agent of an open or click"),
            field("ip_address", StringType, "IP address of an open or click"),
            field("smtp_response", StringType, "SMTP response of a delivery"),
            field("reporting_mta", StringType, "reporting MTA of a delivery, bounce or delay"),
            field("configuration_set", StringType, "SES configuration set (ses:configuration-set tag)"),
            field("tags", DataTypes.createMapType(StringType, STRINGS, true), "mail tags, as SES sends them"),
            field("subject", StringType, "Subject header"),
            field("sending_account_id", StringType, "AWS account that sent the mail"),
            field("source_ip", StringType, "IP address that called SES"),
            field("sns_message_id", StringType, "SNS MessageId of the captured message; null for raw SQS delivery"),
            field("sns_topic_arn", StringType, "SNS topic of the captured message"));

    /** One row per received message. */
    public static final StructType RECEIVED = struct(
            field("message_id", StringType, "SES message id of the received mail"),
            field("receipt_time", TimestampType, "when SES received the mail (receipt.timestamp)"),
            field("receipt_date", DateType, "UTC date of receipt_time"),
            field("mail_time", TimestampType, "mail.timestamp"),
            field("source_address", StringType, "envelope sender (mail.source), lower-cased"),
            field("source_domain", StringType, "domain of source_address"),
            field("from_header", StringType, "first From header, as sent"),
            field("from_address", StringType, "address of the From header, lower-cased"),
            field("from_domain", StringType, "domain of from_address"),
            field("destinations", STRINGS, "mail.destination, lower-cased"),
            field("receipt_recipients", STRINGS, "receipt.recipients: the recipients the receipt rule matched, lower-cased"),
            field("subject", StringType, "Subject header"),
            field("spam_verdict", StringType, "PASS, FAIL, GRAY or PROCESSING_FAILED"),
            field("virus_verdict", StringType, "PASS, FAIL, GRAY or PROCESSING_FAILED"),
            field("spf_verdict", StringType, "PASS, FAIL, GRAY or PROCESSING_FAILED"),
            field("dkim_verdict", StringType, "PASS, FAIL, GRAY or PROCESSING_FAILED"),
            field("dmarc_verdict", StringType, "PASS, FAIL, GRAY or PROCESSING_FAILED"),
            field("dmarc_policy", StringType, "none, quarantine or reject, when DMARC failed"),
            field("action_type", StringType, "receipt rule action that published the notification: SNS, S3, Lambda, ..."),
            field("action_topic_arn", StringType, "topic of the action"),
            field("s3_bucket", StringType, "bucket of an S3 action"),
            field("s3_object_key", StringType, "object key of an S3 action"),
            field("processing_time_ms", LongType, "receipt.processingTimeMillis"),
            field("sns_message_id", StringType, "SNS MessageId of the captured message"));

    /** received, one row per destination address. */
    public static final StructType RECEIVED_DESTINATION = struct(
            field("message_id", StringType, "SES message id of the received mail"),
            field("receipt_time", TimestampType, "when SES received the mail"),
            field("receipt_date", DateType, "UTC date of receipt_time"),
            field("source_address", StringType, "envelope sender, lower-cased"),
            field("source_domain", StringType, "domain of source_address"),
            field("destination", StringType, "one destination address, lower-cased"),
            field("destination_domain", StringType, "domain of destination"));

    /** A raw line that could not be normalized, kept whole with the reason. */
    public static final StructType QUARANTINE = struct(
            // A catalog column comment holds at most 255 characters: the full list of codes is in the README.
            field("reason", StringType, "code of why the line could not be normalized: not_json, sns_message_not_json, "
                    + "unknown_event_type, no_message_id, no_recipients, bad_timestamp, implausible_time, "
                    + "capture_unparsed, truncated_gzip, ... (QuarantineReason)"),
            field("reason_detail", StringType, "the message of the parser; for unknown_event_type and unknown_notification_type exactly the type"),
            field("source_file", StringType, "raw object the line came from"),
            field("raw_line", StringType, "the line as captured"));

    /** Daily counts of sending events, the same for every dimension of the daily stats tables. */
    public static final StructType DAILY_COUNTS = struct(
            field("sends", LongType, "send events, one per recipient"),
            field("messages", LongType, "distinct messages sent"),
            field("deliveries", LongType, "delivery events"),
            field("rejects", LongType, "reject events"),
            field("bounces", LongType, "bounce events of every type"),
            field("permanent_bounces", LongType, "Permanent (hard) bounces"),
            field("transient_bounces", LongType, "Transient (soft) bounces"),
            field("undetermined_bounces", LongType, "Undetermined bounces"),
            field("complaints", LongType, "complaint events"),
            field("delivery_delays", LongType, "delivery delay events"),
            field("opens", LongType, "open events"),
            field("unique_opens", LongType, "distinct messages and recipients opened"),
            field("clicks", LongType, "click events"),
            field("unique_clicks", LongType, "distinct messages and recipients clicked"),
            field("rendering_failures", LongType, "rendering failure events"));

    /** The rates of a daily stats row and of its rolling window, derived from {@link #DAILY_COUNTS}. */
    public static final StructType DAILY_RATES = struct(
            field("rate_basis", LongType, "denominator of the rates: sends, or deliveries + bounces when no send events were captured"),
            field("bounce_rate", DataTypes.DoubleType, "permanent_bounces / rate_basis"),
            field("complaint_rate", DataTypes.DoubleType, "complaints / rate_basis"),
            field("bounce_status", StringType, "OK, WARNING (>= 5%), AT_RISK (>= 10%) or LOW_VOLUME"),
            field("complaint_status", StringType, "OK, WARNING (>= 0.1%), AT_RISK (>= 0.5%) or LOW_VOLUME"),
            field("window_days", IntegerType, "length of the rolling window ending at stat_date"),
            field("window_rate_basis", LongType, "rate_basis over the window"),
            field("window_permanent_bounces", LongType, "permanent bounces over the window"),
            field("window_complaints", LongType, "complaints over the window"),
            field("window_bounce_rate", DataTypes.DoubleType, "window_permanent_bounces / window_rate_basis"),
            field("window_complaint_rate", DataTypes.DoubleType, "window_complaints / window_rate_basis"),
            field("window_bounce_status", StringType, "status of window_bounce_rate"),
            field("window_complaint_status", StringType, "status of window_complaint_rate"));

    /** A daily stats table: its key column, the metrics, then the stat_date partition. */
    public static StructType dailyStats(String keyColumn, String keyComment) {
        List<StructField> fields = new ArrayList<>();
        fields.add(field(keyColumn, StringType, keyComment));
        fields.addAll(Arrays.asList(DAILY_COUNTS.fields()));
        fields.addAll(Arrays.asList(DAILY_RATES.fields()));
        fields.add(field("stat_date", DateType, "UTC event date the row counts"));
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** A top-N table: ranked keys by distinct messages over windows ending at report_date. */
    public static StructType topN(String keyColumn, String keyComment) {
        return struct(
                field("direction", StringType, "sent (from events) or received (from received mail)"),
                field("window_days", IntegerType, "1, 7 or 30: the window ends at report_date"),
                field("rank", IntegerType, "1 = most messages; ties ordered by key"),
                field(keyColumn, StringType, keyComment),
                field("messages", LongType, "distinct messages in the window"),
                field("report_date", DateType, "last day of the window"));
    }

    /** The suppression state of one address after the night of state_date. */
    public static final StructType SUPPRESSION = struct(
            field("address", StringType, "recipient address, lower-cased"),
            field("status", StringType, "SUPPRESSED, WATCHING (transient bounces below the threshold) or RELEASED"),
            field("reason", StringType, "BOUNCE or COMPLAINT, as SES names suppression reasons; null while WATCHING"),
            field("suppression_trigger", StringType, "COMPLAINT, PERMANENT_BOUNCE or TRANSIENT_BOUNCES"),
            field("first_seen", TimestampType, "first bounce, complaint or delivery recorded for the address"),
            field("last_seen", TimestampType, "last bounce, complaint or delivery recorded for the address"),
            field("permanent_bounces", LongType, "permanent bounces recorded"),
            field("transient_bounces", LongType, "transient bounces recorded"),
            field("complaints", LongType, "complaints recorded"),
            field("deliveries_after_suppression", LongType, "deliveries to the address while it was suppressed"),
            field("recent_transient_bounces", DataTypes.createArrayType(TimestampType, true),
                    "transient bounces inside the transient window, oldest first"),
            field("last_diagnostic_code", StringType, "diagnostic code of the last bounce"),
            field("last_diagnostic_at", TimestampType, "time of the last bounce with a diagnostic code"),
            field("sending_domains", STRINGS, "sender domains whose mail bounced or was complained about"),
            field("suppressed_on", DateType, "run date the current suppression started"),
            field("expires_on", DateType, "run date a transient-bounce suppression is released unless renewed"),
            field("released_on", DateType, "run date the address was released"),
            field("state_date", DateType, "run date of the night this state follows"));

    /** One change of the suppression list: why an address was added, renewed or released. */
    public static final StructType SUPPRESSION_CHANGE = struct(
            field("address", StringType, "recipient address, lower-cased"),
            field("change", StringType, "added, renewed or released"),
            field("reason", StringType, "BOUNCE or COMPLAINT"),
            field("suppression_trigger", StringType, "COMPLAINT, PERMANENT_BOUNCE or TRANSIENT_BOUNCES"),
            field("detail", StringType, "what happened, e.g. the bounce's diagnostic code"),
            field("change_date", DateType, "run date of the change"));

    /** Added to every table: the UTC date the Lambda captured the line on. */
    public static final StructField CAPTURE_DATE =
            field("capture_date", DateType, "UTC date the raw line was captured (raw layout dt)");

    /** The identity of a parsed line, kept for the deduplication of later capture dates. Internal to normalize. */
    public static final StructType RECORD_KEY = struct(
            field("record_key", StringType, "identity of the SES event or received message"),
            field("format_rank", IntegerType, "0 for event publishing and receipts naming an S3 object, 1 for identity notifications and other receipts"),
            field("source_file", StringType, "raw object"),
            field("sns_message_id", StringType, "SNS MessageId, if the line is an SNS message"),
            CAPTURE_DATE);

    /** The parser's output: one row per raw line, before deduplication. Internal to the normalize job. */
    public static final StructType PARSED_LINE = struct(
            field("line_id", LongType, "position of the line in this run's input"),
            CAPTURE_DATE,
            field("source_file", StringType, "raw object"),
            field("status", StringType, "event, received or quarantine"),
            field("sns_message_id", StringType, "SNS MessageId, if the line is an SNS message"),
            field("record_key", StringType, "identity of the SES event or received message"),
            field("format_rank", IntegerType, "0 for event publishing and receipts naming an S3 object, 1 for identity notifications and other receipts"),
            field("reason", StringType, "quarantine reason code"),
            field("reason_detail", StringType, "the message of the parser about the quarantined line"),
            field("raw_line", StringType, "the raw line, kept only when quarantined"),
            field("events", DataTypes.createArrayType(EVENT, false), "the event rows of the line"),
            field("received", RECEIVED, "the received row of the line"));

    private Schemas() {
    }

    /** The columns of a table as written: its row fields followed by capture_date. */
    public static StructType withCaptureDate(StructType row) {
        List<StructField> fields = new ArrayList<>(Arrays.asList(row.fields()));
        fields.add(CAPTURE_DATE);
        return new StructType(fields.toArray(StructField[]::new));
    }

    public static String comment(StructField field) {
        return field.getComment().isDefined() ? field.getComment().get() : "";
    }

    private static StructType struct(StructField... fields) {
        return new StructType(fields);
    }

    private static StructField field(String name, DataType type, String comment) {
        return new StructField(name, type, true, Metadata.empty()).withComment(comment);
    }
}
