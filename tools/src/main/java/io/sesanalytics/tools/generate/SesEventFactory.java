package io.sesanalytics.tools.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sesanalytics.tools.generate.Vocabulary.Address;
import io.sesanalytics.tools.generate.Vocabulary.Sender;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lines of one sent mail: its configuration-set events (Send, Delivery, Bounce, Open, ...) and, for
 * identities with notifications, the identity-notification copies of its bounces, complaints and deliveries.
 * A mail is a pure function of the seed, its day and its number, so any object can regenerate any line.
 */
final class SesEventFactory {
    static final int SEND = 0;
    static final int DELIVERY = 1;
    static final int DELIVERY_NOTE = 2;
    static final int BOUNCE = 3;
    static final int BOUNCE_NOTE = 4;
    static final int COMPLAINT = 5;
    static final int COMPLAINT_NOTE = 6;
    static final int DELAY = 7;
    static final int OPEN = 8;
    static final int CLICK = 9;
    static final int REJECT = 10;
    static final int RENDERING_FAILURE = 11;
    static final int SUBSCRIPTION = 12;

    static final int PERMANENT_GENERAL = 1;
    static final int PERMANENT_NO_EMAIL = 2;
    static final int PERMANENT_SUPPRESSED = 3;
    static final int TRANSIENT_MAILBOX_FULL = 4;
    static final int TRANSIENT_GENERAL = 5;
    static final int UNDETERMINED = 6;

    private static final long PLAN = 1;
    private static final long CONTENT = 2;
    private static final long RECIPIENT = 3;
    private static final long HOUR = 3_600_000L;
    private static final String SUPPRESSED_DIAGNOSTIC = "Amazon SES has suppressed sending to this address because it"
            + " has a recent history of bouncing as an invalid address. For more information about how to remove an"
            + " address from the suppression list, see the Amazon SES Developer Guide:"
            + " https://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html ";
    private static final String[] DELAY_TYPES = {
        "TransientCommunicationFailure", "TransientCommunicationFailure", "RecipientServerError", "MailboxFull",
        "SpamDetected", "IPFailure", "General"};
    private static final String[] DELAY_DIAGNOSTICS = {
        "smtp; 421 4.4.1 Unable to connect to remote host", "smtp; 421 4.4.2 Connection dropped",
        "smtp; 451 4.3.0 Temporary server error. Please try again later", "smtp; 452 4.2.2 Mailbox full",
        "smtp; 421 4.7.0 Message deferred due to suspected spam", "smtp; 421 4.7.0 IP not in whitelist, try again later",
        "smtp; 450 4.7.1 Try again later"};
    private static final String[] DELAY_STATUS = {"4.4.1", "4.4.2", "4.3.0", "4.2.2", "4.7.0", "4.7.0", "4.7.1"};

    private final long seed;
    private final int recipientPool;

    SesEventFactory(long seed, int recipientPool) {
        this.seed = seed;
        this.recipientPool = recipientPool;
    }

    int recipientPool() {
        return recipientPool;
    }

    /**
     * What happens to one mail, without any text: enough to count its lines cheaply.
     *
     * @param lines one entry per line: the line type, the recipient number in bits 8-15
     */
    record Plan(int sender, int address, int lateDays, int[] recipients, int[] bounces, int[] lines) {
        int size() {
            return lines.length;
        }
    }

    Plan plan(long epochDay, long mail) {
        SplittableRandom r = new SplittableRandom(JsonText.mix(seed, epochDay, mail, PLAN));
        int senderIndex = Vocabulary.pickSender(r);
        Sender sender = Vocabulary.SENDERS.get(senderIndex);
        int addressIndex = r.nextInt(sender.addresses().size());
        Address address = sender.addresses().get(addressIndex);
        int lateDays = r.nextInt(1000) < 5 ? 1 + r.nextInt(6) : 0;
        int kind = r.nextInt(10_000);
        int u = r.nextInt(100);
        int count = u < 85 ? 1 : u < 95 ? 2 : 3;
        int[] recipients = new int[count];
        int[] bounces = new int[count];
        for (int i = 0; i < count; i++) {
            int id = r.nextInt(recipientPool);
            for (int k = 0; k < i; k++) {
                if (recipients[k] == id) {
                    id = (id + 1) % recipientPool;
                    k = -1;
                }
            }
            recipients[i] = id;
        }
        if (kind < 40 && address.operation().contains("Templated")) {
            return new Plan(senderIndex, addressIndex, lateDays, recipients, bounces, new int[] {RENDERING_FAILURE});
        }
        if (kind >= 9_985) {
            return new Plan(senderIndex, addressIndex, lateDays, recipients, bounces, new int[] {SEND, REJECT});
        }
        boolean[] notes = sender.identityTypes();
        int openPercent = switch (address.configurationSet()) {
            case "marketing" -> 24;
            case "transactional" -> 35;
            default -> 12;
        };
        int[] lines = new int[16];
        int n = 0;
        lines[n++] = SEND;
        for (int i = 0; i < count; i++) {
            int bounce = bounceClass(recipients[i], r);
            bounces[i] = bounce;
            int rc = i << 8;
            if (lines.length < n + 12) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            if (bounce != 0) {
                lines[n++] = BOUNCE | rc;
                if (notes[Vocabulary.BOUNCE]) {
                    lines[n++] = BOUNCE_NOTE | rc;
                }
                continue;
            }
            if (r.nextInt(1000) < 12) {
                lines[n++] = DELAY | rc;
            }
            lines[n++] = DELIVERY | rc;
            if (notes[Vocabulary.DELIVERY]) {
                lines[n++] = DELIVERY_NOTE | rc;
            }
            if (r.nextInt(100) < openPercent) {
                int v = r.nextInt(100);
                int opens = v < 70 ? 1 : v < 90 ? 2 : 3;
                for (int k = 0; k < opens; k++) {
                    lines[n++] = OPEN | rc;
                }
                if (r.nextInt(100) < 25) {
                    int clicks = 1 + r.nextInt(2);
                    for (int k = 0; k < clicks; k++) {
                        lines[n++] = CLICK | rc;
                    }
                }
            }
            if (r.nextInt(1000) < 2) {
                lines[n++] = COMPLAINT | rc;
                if (notes[Vocabulary.COMPLAINT]) {
                    lines[n++] = COMPLAINT_NOTE | rc;
                }
            }
            if (r.nextInt(10_000) < 15) {
                lines[n++] = SUBSCRIPTION | rc;
            }
        }
        return new Plan(senderIndex, addressIndex, lateDays, recipients, bounces, Arrays.copyOf(lines, n));
    }

    /** Invalid addresses bounce every time; others bounce now and then for passing reasons. */
    private int bounceClass(int recipient, SplittableRandom r) {
        long h = JsonText.mix(seed, recipient, 1, RECIPIENT);
        int u = r.nextInt(10_000);
        if (Long.remainderUnsigned(h, 1000) < 22) {
            return (h >>> 40 & 3) == 0 ? PERMANENT_NO_EMAIL : PERMANENT_GENERAL;
        }
        if (u < 15) {
            return PERMANENT_SUPPRESSED;
        }
        if (u < 40) {
            return TRANSIENT_MAILBOX_FULL;
        }
        if (u < 65) {
            return TRANSIENT_GENERAL;
        }
        return u < 80 ? UNDETERMINED : 0;
    }

    /** The mailbox of one member of the recipient population; the same id is always the same address. */
    String recipientAddress(int id) {
        SplittableRandom r = new SplittableRandom(JsonText.mix(seed, id, 0, RECIPIENT));
        String first = Vocabulary.FIRST_NAMES[r.nextInt(Vocabulary.FIRST_NAMES.length)];
        String last = Vocabulary.LAST_NAMES[r.nextInt(Vocabulary.LAST_NAMES.length)];
        String local = switch (r.nextInt(8)) {
            case 0, 1 -> first + "." + last;
            case 2 -> first + last;
            case 3 -> first.charAt(0) + "." + last;
            case 4 -> first + "_" + last;
            case 5 -> first + "." + last + (10 + r.nextInt(90));
            case 6 -> first + (1960 + r.nextInt(46));
            default -> last + "." + first + r.nextInt(1000);
        };
        return local + "@" + Vocabulary.pickRecipientDomain(r);
    }

    /** Display name for an address made by {@link #recipientAddress}. */
    static String displayName(String address) {
        int at = address.indexOf('@');
        StringBuilder name = new StringBuilder(at + 1);
        boolean upper = true;
        for (int i = 0; i < at; i++) {
            char c = address.charAt(i);
            if (c == '.' || c == '_') {
                name.append(' ');
                upper = true;
            } else if (c >= '0' && c <= '9') {
                continue;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString().strip();
    }

    /** How people and systems really spell addresses: {@code John.Smith@Gmail.com}, {@code JOHN@AOL.COM}. */
    private static String shout(String address, boolean all) {
        if (all) {
            return address.toUpperCase(java.util.Locale.ROOT);
        }
        char[] c = address.toCharArray();
        boolean start = true;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '.' || c[i] == '@' || c[i] == '_') {
                start = true;
            } else {
                if (start) {
                    c[i] = Character.toUpperCase(c[i]);
                }
                start = false;
            }
        }
        return new String(c);
    }

    /**
     * Appends every line of one mail, in lifecycle order, to {@code out}.
     *
     * @param anchorMs   capture time of the object holding the mail's first line; all its lines come before it
     * @param windowMs   time since the previous capture, in which the mail's last line arrived
     * @param dayStartMs start of the capture day: mails that are not late never start before it
     * @return whether the mail is a late arrival, days older than its capture
     */
    boolean lines(long epochDay, long mail, long anchorMs, long windowMs, long dayStartMs, List<String> out) {
        Plan plan = plan(epochDay, mail);
        SplittableRandom r = new SplittableRandom(JsonText.mix(seed, epochDay, mail, CONTENT));
        int[] lines = plan.lines();
        int n = lines.length;
        int count = plan.recipients().length;
        long[] at = new long[n];
        long[] published = new long[n];
        long[] deliveredAt = new long[count];
        long[] delayedAt = new long[count];
        long[] lastOpen = new long[count];
        long[] lastClick = new long[count];
        long last = 0;
        for (int j = 0; j < n; j++) {
            int rc = lines[j] >>> 8;
            long t = switch (lines[j] & 0xFF) {
                case SEND -> 0;
                case REJECT -> 0;
                case RENDERING_FAILURE -> 0;
                case DELAY -> delayedAt[rc] = 5 * 60_000L + r.nextInt(25 * 60_000);
                case DELIVERY -> deliveredAt[rc] = delayedAt[rc] > 0
                        ? delayedAt[rc] + 10 * 60_000L + r.nextLong(3 * HOUR)
                        : 250 + r.nextInt(4_000);
                case BOUNCE -> bounceDelay(plan.bounces()[rc], r);
                case OPEN -> lastOpen[rc] = Math.max(deliveredAt[rc], lastOpen[rc]) + 5_000
                        + r.nextLong(lastOpen[rc] == 0 ? 3 * HOUR : HOUR);
                case CLICK -> lastClick[rc] = Math.max(lastOpen[rc], lastClick[rc]) + 3_000 + r.nextInt(600_000);
                case COMPLAINT -> deliveredAt[rc] + 2 * 60_000L + r.nextLong(5 * HOUR);
                case SUBSCRIPTION -> deliveredAt[rc] + 60_000L + r.nextLong(4 * HOUR);
                default -> at[j - 1];
            };
            at[j] = t;
            published[j] = t + 20 + r.nextInt(900);
            last = Math.max(last, published[j]);
        }

        long mailMs;
        long span = Math.max(2, anchorMs - dayStartMs);
        long lastArrival = anchorMs - 1 - (long) (r.nextDouble() * Math.min(Math.max(1, windowMs), span - 1));
        if (plan.lateDays() > 0) {
            mailMs = lastArrival - plan.lateDays() * JsonText.DAY_MS - last;
        } else {
            long room = lastArrival - dayStartMs;
            if (last > room) {
                // An early capture cannot hold a long lifecycle: compress it rather than start the mail yesterday,
                // to a random share of the room so that such mails do not all start at midnight.
                long fitted = (long) (room * (0.2 + 0.8 * r.nextDouble()));
                double scale = (double) fitted / last;
                for (int j = 0; j < n; j++) {
                    at[j] = (long) (at[j] * scale);
                    published[j] = (long) (published[j] * scale);
                }
                last = fitted;
            }
            mailMs = lastArrival - last;
        }

        Mail m = new Mail(plan, r, mailMs);
        for (int j = 0; j < n; j++) {
            int type = lines[j] & 0xFF;
            int rc = lines[j] >>> 8;
            String ses = m.event(type, rc, mailMs + at[j], j);
            out.add(r.nextInt(10) == 0 ? ses : JsonText.sns(ses, JsonText.uuid(r), mailMs + published[j]));
        }
        return plan.lateDays() > 0;
    }

    private static long bounceDelay(int bounce, SplittableRandom r) {
        return switch (bounce) {
            case PERMANENT_SUPPRESSED -> 40 + r.nextInt(400);
            case PERMANENT_GENERAL, PERMANENT_NO_EMAIL -> 400 + r.nextInt(30_000);
            case TRANSIENT_MAILBOX_FULL -> 60_000 + r.nextLong(4 * HOUR);
            case TRANSIENT_GENERAL -> HOUR + r.nextLong(3 * HOUR);
            default -> 60_000 + r.nextInt(600_000);
        };
    }

    /** The text of one mail: its mail object, once per variant, and its events. */
    private final class Mail {
        private final Plan plan;
        private final SplittableRandom r;
        private final Sender sender;
        private final Address address;
        private final String campaign;
        private final String subject;
        private final String[] destination;
        private final String sourceIp;
        private final String outgoingIp;
        private final String eventMail;
        private String deliveryMail;
        private String noteMail;
        private final long mailMs;
        // The identity copy repeats these details of the event just before it.
        private String feedbackId;
        private String smtpResponse;
        private String reportingMta;
        private String remoteMtaIp;
        private String agent;
        private long arrival;

        Mail(Plan plan, SplittableRandom r, long mailMs) {
            this.plan = plan;
            this.r = r;
            this.mailMs = mailMs;
            this.sender = Vocabulary.SENDERS.get(plan.sender());
            this.address = sender.addresses().get(plan.address());
            int c = r.nextInt(address.campaigns().size());
            this.campaign = address.campaigns().get(c);
            this.subject = address.subjects().get(c);
            this.destination = new String[plan.recipients().length];
            for (int i = 0; i < destination.length; i++) {
                String plain = recipientAddress(plan.recipients()[i]);
                int u = r.nextInt(100);
                destination[i] = u < 3 ? shout(plain, false) : u < 4 ? shout(plain, true) : plain;
            }
            this.sourceIp = sender.sourceIps().get(r.nextInt(sender.sourceIps().size()));
            this.outgoingIp = "203.0.113." + (40 + r.nextInt(24));
            String messageId = JsonText.sesId(mailMs, r);
            String headerId = "SendRawEmail".equals(address.operation())
                    ? "<" + JsonText.uuid(r) + "@" + sender.domain() + ">"
                    : "<" + messageId + "@email.amazonses.com>";
            if (plan.lines()[0] == RENDERING_FAILURE) {
                this.eventMail = JsonText.object(g -> renderingFailureMail(g, messageId));
            } else {
                this.eventMail = JsonText.object(g -> mail(g, messageId, headerId, true, true));
                if (sender.identityTypes()[Vocabulary.BOUNCE] || sender.identityTypes()[Vocabulary.COMPLAINT]
                        || sender.identityTypes()[Vocabulary.DELIVERY]) {
                    this.noteMail = JsonText.object(g -> mail(g, messageId, headerId, sender.identityHeaders(), false));
                }
            }
        }

        private void mail(JsonGenerator g, String messageId, String headerId, boolean headers, boolean tags)
                throws IOException {
            String date = JsonText.rfc2822(mailMs);
            g.writeStringField("timestamp", JsonText.iso(mailMs));
            g.writeStringField("source", address.source());
            g.writeStringField("sourceArn", sender.sourceArn());
            g.writeStringField("sourceIp", sourceIp);
            g.writeStringField("sendingAccountId", Vocabulary.ACCOUNT);
            g.writeStringField("messageId", messageId);
            JsonText.stringArray(g, "destination", destination);
            if (!headers) {
                return;
            }
            g.writeBooleanField("headersTruncated", false);
            g.writeArrayFieldStart("headers");
            header(g, "From", address.source());
            header(g, "To", String.join(", ", destination));
            header(g, "Subject", subject);
            header(g, "Message-ID", headerId);
            header(g, "Date", date);
            header(g, "MIME-Version", "1.0");
            header(g, "Content-Type", "text/html; charset=UTF-8");
            header(g, "Content-Transfer-Encoding", "7bit");
            if (address.xSesHeaders()) {
                header(g, "X-SES-CONFIGURATION-SET", address.configurationSet());
                header(g, "X-SES-MESSAGE-TAGS", "campaign=" + campaign);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("commonHeaders");
            JsonText.stringArray(g, "from", address.source());
            g.writeStringField("date", date);
            JsonText.stringArray(g, "to", destination);
            g.writeStringField("messageId", headerId);
            g.writeStringField("subject", subject);
            g.writeEndObject();
            if (tags) {
                g.writeObjectFieldStart("tags");
                JsonText.stringArray(g, "ses:operation", address.operation());
                JsonText.stringArray(g, "ses:configuration-set", address.configurationSet());
                JsonText.stringArray(g, "ses:source-ip", sourceIp);
                JsonText.stringArray(g, "ses:from-domain", sender.domain());
                JsonText.stringArray(g, "ses:caller-identity", sender.callerIdentity());
                JsonText.stringArray(g, "campaign", campaign);
                g.writeEndObject();
            }
        }

        private void renderingFailureMail(JsonGenerator g, String messageId) throws IOException {
            g.writeStringField("timestamp", JsonText.iso(mailMs));
            g.writeStringField("source", address.source());
            g.writeStringField("sourceArn", sender.sourceArn());
            g.writeStringField("sendingAccountId", Vocabulary.ACCOUNT);
            g.writeStringField("messageId", messageId);
            JsonText.stringArray(g, "destination", destination);
            g.writeBooleanField("headersTruncated", false);
            g.writeObjectFieldStart("commonHeaders");
            JsonText.stringArray(g, "from", address.source());
            JsonText.stringArray(g, "to", destination);
            g.writeEndObject();
            g.writeObjectFieldStart("tags");
            JsonText.stringArray(g, "ses:configuration-set", address.configurationSet());
            g.writeEndObject();
        }

        private static void header(JsonGenerator g, String name, String value) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("value", value);
            g.writeEndObject();
        }

        /** Delivery events also carry the IP SES sent from, which is only known once the mail went out. */
        private String deliveryMail() {
            if (deliveryMail == null) {
                deliveryMail = eventMail.substring(0, eventMail.length() - 2)
                        + ",\"ses:outgoing-ip\":[\"" + outgoingIp + "\"]}}";
            }
            return deliveryMail;
        }

        String event(int type, int rc, long atMs, int index) {
            String to = destination[rc];
            return switch (type) {
                case SEND -> JsonText.object(g -> {
                    g.writeStringField("eventType", "Send");
                    mailField(g, eventMail);
                    g.writeObjectFieldStart("send");
                    g.writeEndObject();
                });
                case REJECT -> JsonText.object(g -> {
                    g.writeStringField("eventType", "Reject");
                    mailField(g, eventMail);
                    g.writeObjectFieldStart("reject");
                    g.writeStringField("reason", "Bad content");
                    g.writeEndObject();
                });
                case RENDERING_FAILURE -> JsonText.object(g -> {
                    g.writeStringField("eventType", "Rendering Failure");
                    mailField(g, eventMail);
                    g.writeObjectFieldStart("failure");
                    g.writeStringField("errorMessage", "Attribute 'firstName' is not present in the rendering data.");
                    g.writeStringField("templateName", campaign + "-template");
                    g.writeEndObject();
                });
                case DELIVERY -> {
                    smtpResponse = smtpResponse(to, atMs);
                    reportingMta = "a9-" + (10 + r.nextInt(90)) + ".smtp-out.amazonses.com";
                    remoteMtaIp = JsonText.ip(r);
                    yield delivery(atMs, to, false);
                }
                case DELIVERY_NOTE -> delivery(atMs, to, true);
                case BOUNCE -> {
                    feedbackId = JsonText.sesId(atMs, r);
                    reportingMta = "dsn; a9-" + (10 + r.nextInt(90)) + ".smtp-out.amazonses.com";
                    remoteMtaIp = JsonText.ip(r);
                    yield bounce(atMs, to, plan.bounces()[rc], false);
                }
                case BOUNCE_NOTE -> bounce(atMs, to, plan.bounces()[rc], true);
                case COMPLAINT -> {
                    feedbackId = JsonText.sesId(atMs, r);
                    agent = complaintAgent(to);
                    arrival = (atMs - 1_000 - r.nextInt(30_000)) / 1000 * 1000;
                    yield complaint(atMs, to, false);
                }
                case COMPLAINT_NOTE -> complaint(atMs, to, true);
                case DELAY -> delay(atMs, to);
                case OPEN -> {
                    boolean browser = r.nextInt(100) < 40;
                    String[] agents = browser ? Vocabulary.BROWSER_AGENTS : Vocabulary.OPEN_ONLY_AGENTS;
                    String userAgent = agents[r.nextInt(agents.length)];
                    String ip = JsonText.ip(r);
                    yield JsonText.object(g -> {
                        g.writeStringField("eventType", "Open");
                        mailField(g, eventMail);
                        g.writeObjectFieldStart("open");
                        g.writeStringField("ipAddress", ip);
                        g.writeStringField("timestamp", JsonText.iso(atMs));
                        g.writeStringField("userAgent", userAgent);
                        g.writeEndObject();
                    });
                }
                case CLICK -> {
                    String position = Vocabulary.LINK_POSITIONS[r.nextInt(Vocabulary.LINK_POSITIONS.length)];
                    String userAgent = Vocabulary.BROWSER_AGENTS[r.nextInt(Vocabulary.BROWSER_AGENTS.length)];
                    String ip = JsonText.ip(r);
                    String link = "https://" + sender.domain() + "/" + campaign + "?utm_source=ses&utm_medium=email"
                            + "&utm_campaign=" + campaign + "&utm_content=" + position;
                    yield JsonText.object(g -> {
                        g.writeStringField("eventType", "Click");
                        g.writeObjectFieldStart("click");
                        g.writeStringField("ipAddress", ip);
                        g.writeStringField("link", link);
                        g.writeObjectFieldStart("linkTags");
                        JsonText.stringArray(g, "campaign", campaign);
                        JsonText.stringArray(g, "position", position);
                        g.writeEndObject();
                        g.writeStringField("timestamp", JsonText.iso(atMs));
                        g.writeStringField("userAgent", userAgent);
                        g.writeEndObject();
                        mailField(g, eventMail);
                    });
                }
                case SUBSCRIPTION -> JsonText.object(g -> {
                    g.writeStringField("eventType", "Subscription");
                    mailField(g, eventMail);
                    g.writeObjectFieldStart("subscription");
                    g.writeStringField("contactList", "NewsletterContacts");
                    g.writeStringField("timestamp", JsonText.iso(atMs));
                    g.writeStringField("source", "UnsubscribeHeader");
                    topicPreferences(g, "newTopicPreferences", "OptOut", true);
                    topicPreferences(g, "oldTopicPreferences", "OptIn", false);
                    g.writeEndObject();
                });
                default -> throw new IllegalStateException("line type " + type + " at " + index);
            };
        }

        private void topicPreferences(JsonGenerator g, String field, String status, boolean all) throws IOException {
            g.writeObjectFieldStart(field);
            g.writeBooleanField("unsubscribeAll", all);
            g.writeArrayFieldStart("topicSubscriptionStatus");
            g.writeStartObject();
            g.writeStringField("topicName", campaign);
            g.writeStringField("subscriptionStatus", status);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }

        private String delivery(long atMs, String to, boolean note) {
            return JsonText.object(g -> {
                if (note) {
                    g.writeStringField("notificationType", "Delivery");
                    mailField(g, noteMail);
                } else {
                    g.writeStringField("eventType", "Delivery");
                    mailField(g, deliveryMail());
                }
                g.writeObjectFieldStart("delivery");
                g.writeStringField("timestamp", JsonText.iso(atMs));
                g.writeNumberField("processingTimeMillis", atMs - mailMs);
                JsonText.stringArray(g, "recipients", to);
                g.writeStringField("smtpResponse", smtpResponse);
                g.writeStringField("reportingMTA", reportingMta);
                if (note) {
                    g.writeStringField("remoteMtaIp", remoteMtaIp);
                }
                g.writeEndObject();
            });
        }

        private String bounce(long atMs, String to, int bounce, boolean note) {
            boolean suppressed = bounce == PERMANENT_SUPPRESSED;
            boolean dsn = bounce != UNDETERMINED;
            return JsonText.object(g -> {
                g.writeStringField(note ? "notificationType" : "eventType", "Bounce");
                g.writeObjectFieldStart("bounce");
                g.writeStringField("bounceType", switch (bounce) {
                    case TRANSIENT_MAILBOX_FULL, TRANSIENT_GENERAL -> "Transient";
                    case UNDETERMINED -> "Undetermined";
                    default -> "Permanent";
                });
                g.writeStringField("bounceSubType", switch (bounce) {
                    case PERMANENT_NO_EMAIL -> "NoEmail";
                    case PERMANENT_SUPPRESSED -> "Suppressed";
                    case TRANSIENT_MAILBOX_FULL -> "MailboxFull";
                    case UNDETERMINED -> "Undetermined";
                    default -> "General";
                });
                g.writeArrayFieldStart("bouncedRecipients");
                g.writeStartObject();
                g.writeStringField("emailAddress", to);
                if (dsn) {
                    g.writeStringField("action", "failed");
                    g.writeStringField("status", bounceStatus(bounce, to));
                    g.writeStringField("diagnosticCode", bounceDiagnostic(bounce, to));
                }
                g.writeEndObject();
                g.writeEndArray();
                g.writeStringField("timestamp", JsonText.iso(atMs));
                g.writeStringField("feedbackId", feedbackId);
                if (note && dsn && !suppressed) {
                    g.writeStringField("remoteMtaIp", remoteMtaIp);
                }
                if (dsn) {
                    g.writeStringField("reportingMTA", suppressed ? "dsn; amazonses.com" : reportingMta);
                }
                g.writeEndObject();
                mailField(g, note ? noteMail : eventMail);
            });
        }

        private String complaint(long atMs, String to, boolean note) {
            return JsonText.object(g -> {
                g.writeStringField(note ? "notificationType" : "eventType", "Complaint");
                g.writeObjectFieldStart("complaint");
                if (note) {
                    g.writeStringField("userAgent", agent);
                    complainedRecipients(g, to);
                    g.writeStringField("complaintFeedbackType", "abuse");
                    g.writeStringField("arrivalDate", JsonText.iso(arrival));
                    g.writeStringField("timestamp", JsonText.iso(atMs));
                    g.writeStringField("feedbackId", feedbackId);
                    g.writeNullField("complaintSubType");
                } else {
                    complainedRecipients(g, to);
                    g.writeStringField("timestamp", JsonText.iso(atMs));
                    g.writeStringField("feedbackId", feedbackId);
                    g.writeNullField("complaintSubType");
                    g.writeStringField("userAgent", agent);
                    g.writeStringField("complaintFeedbackType", "abuse");
                    g.writeStringField("arrivalDate", JsonText.iso(arrival));
                }
                g.writeEndObject();
                mailField(g, note ? noteMail : eventMail);
            });
        }

        private static void complainedRecipients(JsonGenerator g, String to) throws IOException {
            g.writeArrayFieldStart("complainedRecipients");
            g.writeStartObject();
            g.writeStringField("emailAddress", to);
            g.writeEndObject();
            g.writeEndArray();
        }

        private String delay(long atMs, String to) {
            int kind = r.nextInt(DELAY_TYPES.length);
            String mta = JsonText.ip(r);
            return JsonText.object(g -> {
                g.writeStringField("eventType", "DeliveryDelay");
                mailField(g, eventMail);
                g.writeObjectFieldStart("deliveryDelay");
                g.writeStringField("timestamp", JsonText.iso(atMs));
                g.writeStringField("delayType", DELAY_TYPES[kind]);
                g.writeStringField("expirationTime", JsonText.iso(mailMs + 14 * HOUR));
                g.writeArrayFieldStart("delayedRecipients");
                g.writeStartObject();
                g.writeStringField("emailAddress", to);
                g.writeStringField("status", DELAY_STATUS[kind]);
                g.writeStringField("diagnosticCode", DELAY_DIAGNOSTICS[kind]);
                g.writeEndObject();
                g.writeEndArray();
                g.writeStringField("reportingMTA", mta);
                g.writeEndObject();
            });
        }

        private static void mailField(JsonGenerator g, String mailJson) throws IOException {
            g.writeFieldName("mail");
            g.writeRawValue(mailJson);
        }

        private String smtpResponse(String to, long atMs) {
            String domain = domainOf(to);
            return switch (domain) {
                case "gmail.com", "googlemail.com" -> "250 2.0.0 OK  " + atMs / 1000 + " " + JsonText.alnum(r, 2) + "-"
                        + JsonText.hex(r, 20) + " - gsmtp";
                case "outlook.com", "hotmail.com", "live.com" -> "250 2.6.0 <" + JsonText.alnum(r, 24)
                        + "@email.amazonses.com> [InternalId=" + (1_000_000_000L + r.nextInt(1_000_000_000))
                        + ", Hostname=DM6PR11MB" + (1000 + r.nextInt(9000))
                        + ".namprd11.prod.outlook.com] Queued mail for delivery";
                case "yahoo.com", "aol.com" -> "250 ok dirdel";
                default -> "250 2.0.0 Ok: queued as " + JsonText.hex(r, 10).toUpperCase(java.util.Locale.ROOT);
            };
        }

        private String complaintAgent(String to) {
            return switch (domainOf(to)) {
                case "yahoo.com", "aol.com" -> "Yahoo!-Mail-Feedback/2.0";
                case "outlook.com", "hotmail.com", "live.com" -> "Microsoft Junk Mail Reporting Program";
                default -> "ExampleCorp Feedback Loop (V0.01)";
            };
        }
    }

    static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String bounceStatus(int bounce, String to) {
        return switch (bounce) {
            case TRANSIENT_MAILBOX_FULL -> "5.2.2";
            case TRANSIENT_GENERAL -> "4.4.7";
            default -> "yahoo.com".equals(domainOf(to)) ? "5.0.0" : "5.1.1";
        };
    }

    private static String bounceDiagnostic(int bounce, String to) {
        String domain = domainOf(to);
        boolean google = domain.equals("gmail.com") || domain.equals("googlemail.com");
        return switch (bounce) {
            case PERMANENT_SUPPRESSED -> SUPPRESSED_DIAGNOSTIC;
            case TRANSIENT_MAILBOX_FULL -> google
                    ? "smtp; 552-5.2.2 The recipient's inbox is out of storage space. Please direct the recipient to"
                      + " https://support.google.com/mail/?p=OverQuotaTemp - gsmtp"
                    : "smtp; 552 5.2.2 Mailbox full";
            case TRANSIENT_GENERAL -> "smtp; 554 4.4.7 Message expired: unable to deliver in 240 minutes.<421 4.4.0"
                    + " Unable to lookup DNS for " + domain + ">";
            default -> switch (domain) {
                case "gmail.com", "googlemail.com" -> "smtp; 550-5.1.1 The email account that you tried to reach does"
                        + " not exist. Please try double-checking the recipient's email address for typos or unnecessary"
                        + " spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser - gsmtp";
                case "outlook.com", "hotmail.com", "live.com" ->
                        "smtp; 550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302).";
                case "yahoo.com" -> "smtp; 554 delivery error: dd Sorry your message to " + to
                        + " cannot be delivered. This mailbox is disabled (554.30). - mta4231.mail.bf1.yahoo.com";
                default -> "smtp; 550 5.1.1 <" + to + ">: Recipient address rejected: User unknown in virtual mailbox table";
            };
        };
    }
}
