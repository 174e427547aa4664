package io.sesanalytics.tools.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import io.sesanalytics.raw.SesTimestamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.SplittableRandom;

/** Single-line JSON, timestamps and identifiers in the spellings SES and SNS use. */
final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
        {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    /** Addresses reserved for documentation (RFC 5737), so no real host appears in the data. */
    private static final String[] DOCUMENTATION_NETS = {"192.0.2.", "198.51.100.", "203.0.113."};
    static final long DAY_MS = 86_400_000L;
    private static final String SNS_HEAD = "{\"Type\":\"Notification\",\"MessageId\":\"";
    private static final String SNS_MESSAGE = "\",\"TopicArn\":\"" + Vocabulary.TOPIC_ARN + "\",\"Message\":\"";
    private static final String SNS_TIMESTAMP = "\",\"Timestamp\":\"";
    private static final String SNS_SIGNATURE = "\",\"SignatureVersion\":\"1\",\"Signature\":\"";
    private static final String SNS_TAIL = "\",\"SigningCertURL\":\"" + Vocabulary.SIGNING_CERT_URL
            + "\",\"UnsubscribeURL\":\"" + Vocabulary.UNSUBSCRIBE_URL + "\"}";
    /** An SNS signature is the Base64 of a 2048-bit RSA signature: 344 characters that gzip cannot shrink. */
    private static final int SIGNATURE_BYTES = 256;

    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonText() {
    }

    /** One JSON object whose fields {@code fields} writes. */
    static String object(Fields fields) {
        SegmentedStringWriter out = new SegmentedStringWriter(FACTORY._getBufferRecycler());
        try {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                g.writeStartObject();
                fields.write(g);
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory failed", e);
        }
    }

    /**
     * An SNS notification as an SQS queue receives it with raw message delivery off. Written by hand because
     * escaping the SES JSON into the Message string is most of the cost of a line.
     */
    static String sns(String message, String messageId, long timestampMs) {
        String timestamp = iso(timestampMs);
        int length = message.length();
        String signature = signature(messageId, timestampMs);
        char[] out = new char[SNS_HEAD.length() + 36 + SNS_MESSAGE.length() + 2 * length + SNS_TIMESTAMP.length()
                + 24 + SNS_SIGNATURE.length() + signature.length() + SNS_TAIL.length()];
        int n = put(out, 0, SNS_HEAD);
        n = put(out, n, messageId);
        n = put(out, n, SNS_MESSAGE);
        for (int i = 0; i < length; i++) {
            char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                out[n++] = '\\';
            } else if (c < 0x20) {
                throw new IllegalArgumentException("compact JSON never holds a raw control character");
            }
            out[n++] = c;
        }
        n = put(out, n, SNS_TIMESTAMP);
        n = put(out, n, timestamp);
        n = put(out, n, SNS_SIGNATURE);
        n = put(out, n, signature);
        n = put(out, n, SNS_TAIL);
        return new String(out, 0, n);
    }

    /** Random-looking, the same for every copy of one SNS message. */
    private static String signature(String messageId, long timestampMs) {
        SplittableRandom r = new SplittableRandom(messageId.hashCode() * 31L + timestampMs);
        byte[] bytes = new byte[SIGNATURE_BYTES];
        r.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int put(char[] out, int at, String text) {
        text.getChars(0, text.length(), out, at);
        return at + text.length();
    }

    static void stringArray(JsonGenerator g, String field, String... values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    /** {@code 2026-11-24T09:15:42.318Z}: always three fraction digits, unlike {@code Instant.toString}. */
    static String iso(long epochMs) {
        return SesTimestamp.text(epochMs);
    }

    /** A mail Date header, {@code Tue, 24 Nov 2026 09:15:40 +0000}. */
    static String rfc2822(long epochMs) {
        long day = Math.floorDiv(epochMs, DAY_MS);
        int ms = (int) Math.floorMod(epochMs, DAY_MS);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] time = new char[8];
        digits(time, 0, ms / 3_600_000, 2);
        time[2] = ':';
        digits(time, 3, ms / 60_000 % 60, 2);
        time[5] = ':';
        digits(time, 6, ms / 1000 % 60, 2);
        char[] dayOfMonth = new char[2];
        digits(dayOfMonth, 0, date.getDayOfMonth(), 2);
        return DAYS[date.getDayOfWeek().getValue() - 1] + ", " + new String(dayOfMonth) + " "
                + MONTHS[date.getMonthValue() - 1] + " " + date.getYear() + " " + new String(time) + " +0000";
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** A version 4 UUID drawn from {@code random}, so that ids repeat with the seed. */
    static String uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] c = new char[36];
        hex(c, 0, high >>> 32, 8);
        c[8] = '-';
        hex(c, 9, high >>> 16, 4);
        c[13] = '-';
        hex(c, 14, high, 4);
        c[18] = '-';
        hex(c, 19, low >>> 48, 4);
        c[23] = '-';
        hex(c, 24, low, 12);
        return new String(c);
    }

    /** An SES message or feedback id: {@code 0100} and the time in hex, a UUID, {@code -000000}. */
    static String sesId(long epochMs, SplittableRandom random) {
        char[] c = new char[16];
        c[0] = '0';
        c[1] = '1';
        c[2] = '0';
        c[3] = '0';
        hex(c, 4, epochMs, 12);
        return new String(c) + "-" + uuid(random) + "-000000";
    }

    static String hex(SplittableRandom random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = HEX[random.nextInt(16)];
        }
        return new String(c);
    }

    /** Lower-case letters and digits, like the message id of received mail. */
    static String alnum(SplittableRandom random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALNUM[random.nextInt(ALNUM.length)];
        }
        return new String(c);
    }

    private static void hex(char[] c, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /** A seed for one stream of the generator, so every object and mail can be drawn independently. */
    static long mix(long seed, long a, long b, long c) {
        long h = fmix(seed ^ 0x9E3779B97F4A7C15L);
        h = fmix(h + a * 0xC2B2AE3D27D4EB4FL);
        h = fmix(h + b * 0x165667B19E3779F9L);
        return fmix(h + c * 0x27D4EB2F165667C5L);
    }

    private static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** {@code x} rounded up with probability equal to its fraction, so small rates still add up. */
    static int stochasticRound(SplittableRandom random, double x) {
        int whole = (int) Math.floor(x);
        return whole + (random.nextDouble() < x - whole ? 1 : 0);
    }

    static String ip(SplittableRandom random) {
        return DOCUMENTATION_NETS[random.nextInt(DOCUMENTATION_NETS.length)] + (1 + random.nextInt(254));
    }
}
