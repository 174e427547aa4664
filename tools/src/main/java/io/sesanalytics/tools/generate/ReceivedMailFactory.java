package io.sesanalytics.tools.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sesanalytics.tools.generate.Vocabulary.Sender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Receipt notifications ({@code notificationType} Received) for mail that customers send to the senders' domains. */
final class ReceivedMailFactory {
    private static final String[] VERDICTS = {"PASS", "FAIL", "GRAY"};
    private static final String[] DMARC_POLICIES = {"none", "quarantine", "reject"};

    private final SesEventFactory people;

    ReceivedMailFactory(SesEventFactory people) {
        this.people = people;
    }

    /** One receipt notification, wrapped like the sending events: mostly SNS, sometimes bare. */
    String line(SplittableRandom r, long receivedMs) {
        Sender sender = Vocabulary.SENDERS.get(Vocabulary.pickSender(r));
        int u = r.nextInt(100);
        int wanted = u < 75 ? 1 : u < 93 ? 2 : 3;
        List<String> destination = new ArrayList<>(3);
        List<String> inbound = sender.inbound();
        int first = r.nextInt(inbound.size());
        for (int i = 0; i < inbound.size() && destination.size() < wanted; i++) {
            destination.add(inbound.get((first + i) % inbound.size()));
        }
        while (destination.size() < wanted) {
            List<String> other = Vocabulary.SENDERS.get(Vocabulary.pickSender(r)).inbound();
            String extra = other.get(r.nextInt(other.size()));
            if (!destination.contains(extra)) {
                destination.add(extra);
            }
        }
        // A receipt rule may match only some of the recipients; the rest show up in destination only.
        List<String> recipients = destination.size() > 1 && r.nextInt(100) < 20 ? destination.subList(0, 1) : destination;

        String from = people.recipientAddress(r.nextInt(people.recipientPool()));
        String fromDomain = SesEventFactory.domainOf(from);
        String fromHeader = r.nextInt(100) < 60 ? SesEventFactory.displayName(from) + " <" + from + ">" : from;
        String messageId = JsonText.alnum(r, 40);
        String headerId = "<" + JsonText.uuid(r) + "@mail." + fromDomain + ">";
        String subject = Vocabulary.RECEIVED_SUBJECTS[r.nextInt(Vocabulary.RECEIVED_SUBJECTS.length)];
        String body = Vocabulary.RECEIVED_BODIES[r.nextInt(Vocabulary.RECEIVED_BODIES.length)]
                .replace("%d", Integer.toString(10_000 + r.nextInt(90_000)));
        String date = JsonText.rfc2822(receivedMs - 500 - r.nextInt(5_000));
        String received = "from mail." + fromDomain + " (mail." + fromDomain + " [" + JsonText.ip(r)
                + "]) by inbound-smtp." + Vocabulary.REGION + ".amazonaws.com with SMTP id " + messageId + " for "
                + destination.get(0) + "; " + JsonText.rfc2822(receivedMs) + " (UTC)";
        String spam = verdict(r, 92, 3);
        String virus = verdict(r, 998, 1, 1000);
        String spf = verdict(r, 86, 5);
        String dkim = verdict(r, 88, 4);
        String dmarc = verdict(r, 85, 6);
        String dmarcPolicy = DMARC_POLICIES[r.nextInt(DMARC_POLICIES.length)];
        int processing = 150 + r.nextInt(1_200);
        boolean snsAction = r.nextBoolean();

        List<String[]> headers = new ArrayList<>(13);
        headers.add(new String[] {"Return-Path", "<" + from + ">"});
        headers.add(new String[] {"Received", received});
        headers.add(new String[] {"X-SES-Spam-Verdict", spam});
        headers.add(new String[] {"X-SES-Virus-Verdict", virus});
        headers.add(new String[] {"From", fromHeader});
        headers.add(new String[] {"To", destination.get(0)});
        if (destination.size() > 1) {
            headers.add(new String[] {"Cc", String.join(", ", destination.subList(1, destination.size()))});
        }
        headers.add(new String[] {"Subject", subject});
        headers.add(new String[] {"MIME-Version", "1.0"});
        headers.add(new String[] {"Content-Type", "text/plain; charset=UTF-8"});
        headers.add(new String[] {"Content-Transfer-Encoding", "7bit"});
        headers.add(new String[] {"Date", date});
        headers.add(new String[] {"Message-ID", headerId});

        String ses = JsonText.object(g -> {
            g.writeStringField("notificationType", "Received");
            g.writeObjectFieldStart("mail");
            g.writeStringField("timestamp", JsonText.iso(receivedMs));
            g.writeStringField("source", from);
            g.writeStringField("messageId", messageId);
            JsonText.stringArray(g, "destination", destination.toArray(String[]::new));
            g.writeBooleanField("headersTruncated", false);
            g.writeArrayFieldStart("headers");
            for (String[] header : headers) {
                g.writeStartObject();
                g.writeStringField("name", header[0]);
                g.writeStringField("value", header[1]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("commonHeaders");
            g.writeStringField("returnPath", from);
            JsonText.stringArray(g, "from", fromHeader);
            g.writeStringField("date", date);
            JsonText.stringArray(g, "to", destination.get(0));
            if (destination.size() > 1) {
                JsonText.stringArray(g, "cc", destination.subList(1, destination.size()).toArray(String[]::new));
            }
            g.writeStringField("messageId", headerId);
            g.writeStringField("subject", subject);
            g.writeEndObject();
            g.writeEndObject();

            g.writeObjectFieldStart("receipt");
            g.writeStringField("timestamp", JsonText.iso(receivedMs));
            g.writeNumberField("processingTimeMillis", processing);
            JsonText.stringArray(g, "recipients", recipients.toArray(String[]::new));
            status(g, "spamVerdict", spam);
            status(g, "virusVerdict", virus);
            status(g, "spfVerdict", spf);
            status(g, "dkimVerdict", dkim);
            status(g, "dmarcVerdict", dmarc);
            if ("FAIL".equals(dmarc)) {
                g.writeStringField("dmarcPolicy", dmarcPolicy);
            }
            g.writeObjectFieldStart("action");
            if (snsAction) {
                g.writeStringField("type", "SNS");
                g.writeStringField("topicArn", Vocabulary.TOPIC_ARN);
                g.writeStringField("encoding", "UTF8");
            } else {
                g.writeStringField("type", "S3");
                g.writeStringField("topicArn", Vocabulary.TOPIC_ARN);
                g.writeStringField("bucketName", "example-inbound-mail");
                g.writeStringField("objectKeyPrefix", "inbound/");
                g.writeStringField("objectKey", "inbound/" + messageId);
            }
            g.writeEndObject();
            g.writeEndObject();
            if (snsAction) {
                StringBuilder content = new StringBuilder(1024);
                for (String[] header : headers) {
                    content.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
                content.append("\r\n").append(body).append("\r\n");
                g.writeStringField("content", content.toString());
            }
        });
        boolean bare = r.nextInt(10) == 0;
        String snsId = JsonText.uuid(r);
        return bare ? ses : JsonText.sns(ses, snsId, receivedMs + processing + r.nextInt(300));
    }

    private static void status(JsonGenerator g, String field, String status) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("status", status);
        g.writeEndObject();
    }

    private static String verdict(SplittableRandom r, int passPercent, int failPercent) {
        return verdict(r, passPercent, failPercent, 100);
    }

    private static String verdict(SplittableRandom r, int pass, int fail, int outOf) {
        int u = r.nextInt(outOf);
        return VERDICTS[u < pass ? 0 : u < pass + fail ? 1 : 2];
    }
}
