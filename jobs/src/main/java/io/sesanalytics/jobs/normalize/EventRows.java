package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.raw.SesEventType;
import org.apache.spark.sql.catalyst.InternalRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sesanalytics.jobs.normalize.SesLineParser.firstText;
import static io.sesanalytics.jobs.normalize.SesLineParser.instant;
import static io.sesanalytics.jobs.normalize.SesLineParser.text;

/**
 * The {@link Schemas#EVENT} rows of one SES sending event, in either notification format: one row per
 * recipient the event is about.
 */
record EventRows(List<InternalRow> rows, String recordKey, boolean identityNotification) {
    private static final InternalRowBuilder.Layout EVENT = new InternalRowBuilder.Layout(Schemas.EVENT);

    /** The fields of an SES event that {@link #of} reads. */
    static final JsonFields READS = readFields();

    /** @param plausible refuses an event time outside the window around the capture date */
    static EventRows of(JsonNode ses, SesLineParser.EventType type, String snsMessageId, String topicArn,
                        SesLineParser.TimeCheck plausible) throws SesLineParser.Rejected {
        JsonNode mail = ses.path("mail");
        String messageId = text(mail.get("messageId"));
        if (!mail.isObject() || messageId == null) {
            throw new SesLineParser.Rejected(QuarantineReason.NO_MESSAGE_ID, "no mail.messageId");
        }
        JsonNode detail = ses.path(type.type().detailKey());
        Instant mailTime = instant(mail, "timestamp");
        Instant eventTime = detail.has("timestamp") ? instant(detail, "timestamp") : mailTime;
        plausible.check(eventTime);
        List<Recipient> recipients = recipients(type.type(), detail, mail);
        String link = text(detail.get("link"));
        String recordKey = SesLineParser.recordKey(type.name(), messageId, Timestamps.format(eventTime),
                SesLineParser.sortedJoin(recipients.stream().map(Recipient::address).toList()), link);

        // The columns of the mail and of the event are the same in every recipient's row: set once, and each
        // row is a copy with its recipient's columns. (Kept in three methods, each small enough for the JIT
        // compiler's limits.)
        InternalRowBuilder event = EVENT.builder();
        setEvent(event, type, detail, eventTime, mailTime, link);
        setMail(event, mail, messageId, snsMessageId, topicArn);
        List<InternalRow> rows = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            rows.add(event.set("event_id", SesLineParser.recordKey(recordKey, recipient.address()))
                    .set("recipient", recipient.address())
                    .set("recipient_domain", EmailAddress.domainOf(recipient.address()))
                    .set("bounce_status", recipient.status())
                    .set("bounce_action", recipient.action())
                    .set("diagnostic_code", recipient.diagnosticCode())
                    .build());
        }
        return new EventRows(rows, recordKey, type.identityNotification());
    }

    /** The columns of the event itself: its type, times and the details its type carries. */
    private static void setEvent(InternalRowBuilder event, SesLineParser.EventType type, JsonNode detail,
                                 Instant eventTime, Instant mailTime, String link) {
        event.set("event_type", type.name())
                .set("source_format", type.identityNotification() ? "identity_notification" : "event_publishing")
                .set("event_time", eventTime)
                .set("event_date", SesLineParser.utcDate(eventTime))
                .set("mail_time", mailTime)
                .set("bounce_type", text(detail.get("bounceType")))
                .set("bounce_subtype", text(detail.get("bounceSubType")))
                .set("feedback_id", text(detail.get("feedbackId")))
                .set("complaint_feedback_type", text(detail.get("complaintFeedbackType")))
                .set("complaint_subtype", text(detail.get("complaintSubType")))
                .set("delay_type", text(detail.get("delayType")))
                .set("reject_reason", type.type() == SesEventType.REJECT ? text(detail.get("reason")) : null)
                .set("rendering_error", text(detail.get("errorMessage")))
                .set("click_link", link)
                .set("user_agent", type.type() == SesEventType.COMPLAINT ? null : text(detail.get("userAgent")))
                .set("ip_address", text(detail.get("ipAddress")))
                .set("smtp_response", text(detail.get("smtpResponse")))
                .set("reporting_mta", text(detail.get("reportingMTA")));
    }

    /** The columns of the mail the event is about, and of the SNS message that brought it. */
    private static void setMail(InternalRowBuilder event, JsonNode mail, String messageId, String snsMessageId,
                                String topicArn) {
        EmailAddress source = EmailAddress.parse(text(mail.get("source")));
        Map<String, List<String>> tags = SesLineParser.tags(mail.path("tags"));
        List<String> configurationSet = tags == null ? null : tags.get("ses:configuration-set");
        JsonNode headers = mail.path("commonHeaders");
        event.set("message_id", messageId)
                .set("source_address", source.address())
                .set("source_domain", source.domain())
                .set("source_display_name", source.displayName())
                .set("source_raw", text(mail.get("source")))
                .set("from_header", firstText(headers.path("from")))
                .set("configuration_set", configurationSet == null || configurationSet.isEmpty() ? null : configurationSet.get(0))
                .set("tags", tags)
                .set("subject", text(headers.get("subject")))
                .set("sending_account_id", text(mail.get("sendingAccountId")))
                .set("source_ip", text(mail.get("sourceIp")))
                .set("sns_message_id", snsMessageId)
                .set("sns_topic_arn", topicArn);
    }

    private static JsonFields readFields() {
        JsonFields recipient = JsonFields.of("emailAddress", "status", "action", "diagnosticCode");
        JsonFields mail = JsonFields.of("messageId", "timestamp", "source", "sendingAccountId", "sourceIp")
                .with("destination", recipient)
                .with("tags", JsonFields.ALL)
                .with("commonHeaders", JsonFields.of("from", "subject"));
        JsonFields detail = JsonFields.of("timestamp", "bounceType", "bounceSubType", "feedbackId",
                        "complaintFeedbackType", "complaintSubType", "delayType", "reason", "errorMessage", "link",
                        "userAgent", "ipAddress", "smtpResponse", "reportingMTA")
                .with("bouncedRecipients", recipient)
                .with("complainedRecipients", recipient)
                .with("recipients", recipient)
                .with("delayedRecipients", recipient);
        JsonFields event = JsonFields.of("eventType", "notificationType").with("mail", mail);
        for (SesEventType type : SesEventType.values()) {
            event = event.with(type.detailKey(), detail);
        }
        return event;
    }

    /** A recipient of the event, with the per-recipient details bounces and delays carry. */
    private record Recipient(String address, String status, String action, String diagnosticCode) {
        static Recipient of(JsonNode node) {
            if (node.isTextual()) {
                return new Recipient(EmailAddress.parse(node.asText()).address(), null, null, null);
            }
            return new Recipient(EmailAddress.parse(text(node.get("emailAddress"))).address(),
                    text(node.get("status")), text(node.get("action")), text(node.get("diagnosticCode")));
        }
    }

    private static List<Recipient> recipients(SesEventType type, JsonNode detail, JsonNode mail) throws SesLineParser.Rejected {
        JsonNode list = switch (type) {
            case BOUNCE -> detail.path("bouncedRecipients");
            case COMPLAINT -> detail.path("complainedRecipients");
            case DELIVERY -> detail.path("recipients");
            case DELIVERY_DELAY -> detail.path("delayedRecipients");
            default -> mail.path("destination");
        };
        List<Recipient> recipients = new ArrayList<>();
        list.forEach(node -> recipients.add(Recipient.of(node)));
        boolean aboutOneReader = type == SesEventType.OPEN || type == SesEventType.CLICK || type == SesEventType.SUBSCRIPTION;
        if (aboutOneReader && recipients.size() != 1) {
            // An open, click or subscription change does not say which of several recipients acted.
            return List.of(new Recipient(null, null, null, null));
        }
        if (recipients.isEmpty() || recipients.stream().anyMatch(r -> r.address() == null)) {
            throw new SesLineParser.Rejected(QuarantineReason.NO_RECIPIENTS, type.tableName() + " without recipient addresses");
        }
        return recipients;
    }
}
