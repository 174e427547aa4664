package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.raw.CaptureKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS-documented fixtures, SNS-wrapped and bare, mutated with a fixed seed into more than 10,000 lines
 * (truncated, bytes flipped, fields dropped, duplicated or of the wrong JSON type, huge strings, invalid UTF-8,
 * deep nesting, numbers as strings, an SNS envelope around garbage, garbage around a valid envelope), written
 * as gzip NDJSON objects in the raw layout and normalized by the real job. No line may be lost: the lines the
 * test wrote, counted here, are exactly the event and received records, the duplicates and the quarantined
 * lines of the run, and the run does not fail.
 */
class NormalizeFuzzTest {
    private static final long SEED = 20261124L;
    private static final LocalDate CAPTURED = LocalDate.parse("2026-11-24");
    private static final int OBJECTS = 11;
    private static final int LINES_PER_OBJECT = 1_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path root;

    /** One kind of mutation: from the random source and a fixture (its SES message as a tree) to a line. */
    private record Mutation(String name, Function<Fixture, byte[]> apply) {
    }

    /** A fixture to mutate: its SES message, and whether the line wraps it in an SNS envelope. */
    private record Fixture(SplittableRandom random, JsonNode ses, boolean wrapped, int number) {
        /** The fixture as a line, its SES message given. */
        String line(JsonNode message) {
            return wrapped ? envelope(message.toString(), "sns-fuzz-" + number) : message.toString();
        }
    }

    @Test
    void noMutatedLineIsLostAndNoneCrashesTheJob() throws IOException {
        List<JsonNode> fixtures = new ArrayList<>();
        for (String fixture : CaptureScenario.sendingFixtures()) {
            fixtures.add(LambdaEvents.json(LambdaEvents.ses(fixture)));
        }
        for (String fixture : LambdaEvents.RECEIVED_FIXTURES) {
            fixtures.add(LambdaEvents.json(LambdaEvents.ses(fixture)));
        }
        List<Mutation> mutations = mutations();
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Long> byMutation = new TreeMap<>();
        long written = 0;
        Path raw = root.resolve("raw");
        CaptureKeys keys = new CaptureKeys("");
        int number = 0;
        for (int object = 0; object < OBJECTS; object++) {
            List<byte[]> lines = new ArrayList<>();
            for (int i = 0; i < LINES_PER_OBJECT; i++) {
                JsonNode ses = fixtures.get(random.nextInt(fixtures.size())).deepCopy();
                if (random.nextBoolean()) {
                    // A message of its own, so that lines that still parse are not all copies of the fixture.
                    ((ObjectNode) ses.path("mail")).put("messageId", "fuzz-" + number);
                }
                Mutation mutation = mutations.get(random.nextInt(mutations.size()));
                byte[] line = oneLine(mutation.apply().apply(new Fixture(random, ses, random.nextBoolean(), number++)));
                lines.add(line);
                byMutation.merge(mutation.name(), 1L, Long::sum);
            }
            written += lines.size();
            Instant at = Instant.parse("2026-11-24T10:00:00Z").plusSeconds(60L * object);
            Path file = raw.resolve(keys.key(at, "fuzz-" + object));
            Files.createDirectories(file.getParent());
            Files.write(file, gzip(lines));
        }
        assertTrue(written >= 10_000, "lines written: " + written);

        long started = System.nanoTime();
        NormalizeSummary summary = NormalizeJob.run(SparkTestSession.get(), new NormalizeJob.Config(raw.toString(),
                Locations.normalize(root.resolve("warehouse").toString()), CAPTURED, NormalizeJob.DEFAULT_LOOKBACK_DAYS));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        System.out.printf("fuzz: %,d lines written (seed %d) by mutation %s%n", written, SEED, byMutation);
        System.out.printf("fuzz: normalized in %d s: %,d event records (%,d rows), %,d received records, "
                        + "%,d duplicates %s, %,d quarantined %s%n", seconds, summary.eventRecords(), summary.eventRows(),
                summary.receivedRecords(), summary.duplicateLines(), summary.duplicates(), summary.quarantinedLines(),
                summary.quarantined());
        assertEquals(written, summary.rawLines());
        assertEquals(written, summary.eventRecords() + summary.receivedRecords() + summary.duplicateLines()
                + summary.quarantinedLines());
        for (String code : summary.quarantined().keySet()) {
            assertTrue(QuarantineReason.fromCode(code).isPresent(), "not a quarantine code: " + code);
        }
        // The mutations reach far into the parser: lines of every outcome, and more than a few codes.
        assertTrue(summary.eventRecords() > 0 && summary.receivedRecords() > 0 && summary.duplicateLines() > 0);
        assertTrue(summary.quarantined().size() >= 8, summary.quarantined().toString());
    }

    private static List<Mutation> mutations() {
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("unchanged", f -> utf8(f.line(f.ses()))));
        m.add(new Mutation("truncated", f -> {
            byte[] line = utf8(f.line(f.ses()));
            return Arrays.copyOf(line, 1 + f.random().nextInt(line.length - 1));
        }));
        m.add(new Mutation("bytes_flipped", f -> {
            byte[] line = utf8(f.line(f.ses()));
            for (int i = 1 + f.random().nextInt(8); i > 0; i--) {
                int at = f.random().nextInt(line.length);
                line[at] = (byte) (line[at] ^ (1 << f.random().nextInt(8)));
            }
            return line;
        }));
        m.add(new Mutation("field_dropped", f -> {
            JsonNode ses = f.ses();
            for (int i = 1 + f.random().nextInt(3); i > 0; i--) {
                Slot slot = randomSlot(f.random(), ses);
                if (slot != null) {
                    slot.remove();
                }
            }
            return utf8(f.line(ses));
        }));
        m.add(new Mutation("field_duplicated", f -> {
            // A key twice in one object: JSON allows it, and the last one wins.
            Slot slot = randomSlot(f.random(), f.ses());
            String ses = f.ses().toString();
            if (slot != null && slot.name() != null) {
                String duplicate = ",\"" + slot.name() + "\":" + randomValue(f.random()).toString() + "}";
                ses = ses.substring(0, ses.length() - 1) + duplicate;
            }
            return utf8(f.wrapped() ? envelope(ses, "sns-fuzz-" + f.number()) : ses);
        }));
        m.add(new Mutation("wrong_type", f -> {
            for (int i = 1 + f.random().nextInt(3); i > 0; i--) {
                Slot slot = randomSlot(f.random(), f.ses());
                if (slot != null) {
                    slot.replace(randomValue(f.random()));
                }
            }
            return utf8(f.line(f.ses()));
        }));
        m.add(new Mutation("numbers_as_strings", f -> {
            ObjectNode mail = (ObjectNode) f.ses().path("mail");
            mail.put("messageId", f.random().nextLong());
            if (f.random().nextBoolean()) {
                mail.put("timestamp", 1_795_507_202_000L);
            }
            ObjectNode receipt = f.ses().path("receipt").isObject() ? (ObjectNode) f.ses().path("receipt") : null;
            if (receipt != null) {
                receipt.put("processingTimeMillis", "467");
            }
            Slot slot = randomSlot(f.random(), f.ses());
            if (slot != null && slot.value().isNumber()) {
                slot.replace(NODES.textNode(slot.value().asText()));
            }
            return utf8(f.line(f.ses()));
        }));
        m.add(new Mutation("huge_string", f -> {
            // Rare and large: a string of up to 2 MB in a field the tables take, or one they skip.
            int length = f.random().nextInt(50) == 0 ? 1_000_000 + f.random().nextInt(1_000_000) : 5_000 + f.random().nextInt(30_000);
            String huge = "x".repeat(length);
            ObjectNode mail = (ObjectNode) f.ses().path("mail");
            mail.put(f.random().nextBoolean() ? "source" : "headersTruncated", huge);
            return utf8(f.line(f.ses()));
        }));
        m.add(new Mutation("invalid_utf8", f -> {
            byte[] line = utf8(f.line(f.ses()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = f.random().nextInt(line.length);
            out.write(line, 0, at);
            byte[][] bad = {{(byte) 0xC3}, {(byte) 0xE9}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
            byte[] chosen = bad[f.random().nextInt(bad.length)];
            out.write(chosen, 0, chosen.length);
            out.write(line, at, line.length - at);
            return out.toByteArray();
        }));
        m.add(new Mutation("deep_nesting", f -> {
            // Written as text: a tree this deep is not for Jackson to write. Within Jackson's depth limit, or beyond.
            int depth = f.random().nextBoolean() ? 200 + f.random().nextInt(700) : 1_000 + f.random().nextInt(5_000);
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                boolean array = f.random().nextBoolean();
                open.append(array ? "[" : "{\"n\":");
                close.append(array ? "]" : "}");
            }
            String deep = open + "\"bottom\"" + close.reverse();
            String[] fields = {"tags", "headers", "commonHeaders", "destination"};
            ((ObjectNode) f.ses().path("mail")).put(fields[f.random().nextInt(fields.length)], "__DEEP__");
            String line = f.line(f.ses());
            return utf8(f.wrapped()
                    ? line.replace("\\\"__DEEP__\\\"", deep.replace("\"", "\\\""))
                    : line.replace("\"__DEEP__\"", deep));
        }));
        m.add(new Mutation("envelope_around_garbage", f -> {
            String[] garbage = {"", "Test message", "{", "null", "42", "[\"Bounce\"]", "\u0000\u0001",
                    f.ses().toString().substring(0, 1 + f.random().nextInt(f.ses().toString().length() - 1))};
            String message = garbage[f.random().nextInt(garbage.length)];
            if (f.random().nextInt(4) == 0) {
                ObjectNode sns = (ObjectNode) LambdaEvents.json(envelope("x", "sns-fuzz-" + f.number()));
                sns.set("Message", f.random().nextBoolean() ? f.ses() : NODES.nullNode());
                return utf8(sns.toString());
            }
            return utf8(envelope(message, "sns-fuzz-" + f.number()));
        }));
        m.add(new Mutation("garbage_around_envelope", f -> {
            String line = f.line(f.ses());
            String[] junk = {"garbage", "}", "{\"a\":1}", "\u00e9\u00e8", "[", " ", "\t", "null"};
            String before = f.random().nextBoolean() ? junk[f.random().nextInt(junk.length)] : "";
            String after = before.isEmpty() || f.random().nextBoolean() ? junk[f.random().nextInt(junk.length)] : "";
            return utf8(before + line + after);
        }));
        m.add(new Mutation("envelope_broken", f -> {
            ObjectNode sns = (ObjectNode) LambdaEvents.json(envelope(f.ses().toString(), "sns-fuzz-" + f.number()));
            String[] fields = {"Type", "MessageId", "TopicArn", "Message"};
            String field = fields[f.random().nextInt(fields.length)];
            if (f.random().nextBoolean()) {
                sns.remove(field);
            } else {
                sns.set(field, randomValue(f.random()));
            }
            if (f.random().nextInt(4) == 0) {
                sns.put("Type", "SubscriptionConfirmation");
            }
            return utf8(sns.toString());
        }));
        m.add(new Mutation("timestamps_odd", f -> {
            String[] times = {"2026-11-24T09:02:44 +0000", "2026-11-24T09:02:44+01:00", "2026-11-24T09:02:44Z",
                    "1970-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "+12345-01-01T00:00:00Z", "2026-02-30T10:00:00.000Z",
                    "yesterday", "", "2026-11-24", "2026-11-24T09:02:44.123456789-0800"};
            ObjectNode mail = (ObjectNode) f.ses().path("mail");
            mail.put("timestamp", times[f.random().nextInt(times.length)]);
            f.ses().fields().forEachRemaining(e -> {
                if (e.getValue().isObject() && e.getValue().has("timestamp") && f.random().nextBoolean()) {
                    ((ObjectNode) e.getValue()).put("timestamp", times[f.random().nextInt(times.length)]);
                }
            });
            return utf8(f.line(f.ses()));
        }));
        m.add(new Mutation("unparsed_by_lambda", f -> utf8("{\"reason\":\"not JSON: Unrecognized token 'Test'\",\"source\":\"sqs\","
                + "\"sourceId\":\"m" + f.number() + "\",\"capturedAt\":\"2026-11-24T10:00:00Z\",\"raw\":\"Test message\"}")));
        m.add(new Mutation("type_unknown", f -> {
            ObjectNode ses = (ObjectNode) f.ses();
            if (ses.has("eventType")) {
                ses.put("eventType", "Teleport" + f.random().nextInt(3));
            } else {
                ses.put("notificationType", "AmazonSnsSubscriptionSucceeded");
            }
            return utf8(f.line(ses));
        }));
        return m;
    }

    /** A field of an object, or an element of an array, somewhere in the tree. */
    private record Slot(JsonNode parent, String name, int index, JsonNode value) {
        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void replace(JsonNode with) {
            if (parent instanceof ObjectNode object) {
                object.set(name, with);
            } else {
                ((ArrayNode) parent).set(index, with);
            }
        }
    }

    /** A random slot of the tree, every slot equally likely; null for a tree without any. */
    private static Slot randomSlot(SplittableRandom random, JsonNode tree) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                slots.add(new Slot(node, field.getKey(), -1, field.getValue()));
                collect(field.getValue(), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i, node.get(i)));
                collect(node.get(i), slots);
            }
        }
    }

    private static JsonNode randomValue(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 2 -> NODES.arrayNode().add(1).add("two");
            case 3 -> NODES.objectNode().put("k", "v");
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.textNode("");
            default -> NODES.textNode("\u00e9t\u00e9 \uD83D\uDE00 " + random.nextInt());
        };
    }

    private static String envelope(String message, String messageId) {
        return LambdaEvents.snsMessage(message, messageId).toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One NDJSON line: line breaks, which would split it, become spaces; an empty line becomes one space. */
    private static byte[] oneLine(byte[] line) {
        if (line.length == 0) {
            return new byte[] {' '};
        }
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                line[i] = ' ';
            }
        }
        return line;
    }

    private static byte[] gzip(List<byte[]> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 64 * 1024)) {
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        return bytes.toByteArray();
    }
}
