package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesanalytics.jobs.common.Schemas;
import org.apache.spark.sql.catalyst.InternalRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.sesanalytics.jobs.normalize.SesLineParser.firstText;
import static io.sesanalytics.jobs.normalize.SesLineParser.instant;
import static io.sesanalytics.jobs.normalize.SesLineParser.text;

/** The {@link Schemas#RECEIVED} row of one SES receipt notification. */
final class ReceivedRows {
    private static final InternalRowBuilder.Layout RECEIVED = new InternalRowBuilder.Layout(Schemas.RECEIVED);
    private static final JsonFields VERDICT = JsonFields.of("status");

    /** The fields of a receipt notification that {@link #of} reads. */
    static final JsonFields READS = JsonFields.of("notificationType")
            .with("mail", JsonFields.of("messageId", "timestamp", "source", "destination")
                    .with("commonHeaders", JsonFields.of("from", "subject")))
            .with("receipt", JsonFields.of("timestamp", "recipients", "dmarcPolicy", "processingTimeMillis")
                    .with("spamVerdict", VERDICT).with("virusVerdict", VERDICT).with("spfVerdict", VERDICT)
                    .with("dkimVerdict", VERDICT).with("dmarcVerdict", VERDICT)
                    .with("action", JsonFields.of("type", "topicArn", "bucketName", "objectKey")));

    private ReceivedRows() {
    }

    /** @param plausible refuses a receipt time outside the window around the capture date */
    static InternalRow of(JsonNode ses, String snsMessageId, SesLineParser.TimeCheck plausible) throws SesLineParser.Rejected {
        JsonNode mail = ses.path("mail");
        JsonNode receipt = ses.path("receipt");
        String messageId = text(mail.get("messageId"));
        if (!mail.isObject() || messageId == null) {
            throw new SesLineParser.Rejected(QuarantineReason.NO_MESSAGE_ID, "no mail.messageId");
        }
        if (!receipt.isObject()) {
            throw new SesLineParser.Rejected(QuarantineReason.NO_RECEIPT, "Received notification without receipt");
        }
        Instant receiptTime = instant(receipt, "timestamp");
        plausible.check(receiptTime);
        EmailAddress source = EmailAddress.parse(text(mail.get("source")));
        JsonNode headers = mail.path("commonHeaders");
        String fromHeader = firstText(headers.path("from"));
        EmailAddress from = EmailAddress.parse(fromHeader);
        JsonNode action = receipt.path("action");
        JsonNode processingTime = receipt.get("processingTimeMillis");
        return RECEIVED.builder()
                .set("message_id", messageId)
                .set("receipt_time", receiptTime)
                .set("receipt_date", SesLineParser.utcDate(receiptTime))
                .set("mail_time", mail.has("timestamp") ? instant(mail, "timestamp") : null)
                .set("source_address", source.address())
                .set("source_domain", source.domain())
                .set("from_header", fromHeader)
                .set("from_address", from.address())
                .set("from_domain", from.domain())
                .set("destinations", addresses(mail.path("destination")))
                .set("receipt_recipients", addresses(receipt.path("recipients")))
                .set("subject", text(headers.get("subject")))
                .set("spam_verdict", text(receipt.path("spamVerdict").get("status")))
                .set("virus_verdict", text(receipt.path("virusVerdict").get("status")))
                .set("spf_verdict", text(receipt.path("spfVerdict").get("status")))
                .set("dkim_verdict", text(receipt.path("dkimVerdict").get("status")))
                .set("dmarc_verdict", text(receipt.path("dmarcVerdict").get("status")))
                .set("dmarc_policy", text(receipt.get("dmarcPolicy")))
                .set("action_type", text(action.get("type")))
                .set("action_topic_arn", text(action.get("topicArn")))
                .set("s3_bucket", text(action.get("bucketName")))
                .set("s3_object_key", text(action.get("objectKey")))
                .set("processing_time_ms", processingTime != null && processingTime.canConvertToLong()
                        ? processingTime.asLong() : null)
                .set("sns_message_id", snsMessageId)
                .build();
    }

    private static List<String> addresses(JsonNode list) {
        List<String> addresses = new ArrayList<>();
        list.forEach(node -> {
            String address = EmailAddress.parse(node.asText()).address();
            if (address != null) {
                addresses.add(address);
            }
        });
        return addresses;
    }
}
