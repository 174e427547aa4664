package io.sesanalytics.jobs.normalize;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawObjectLinesTest {
    private static final List<String> LINES = List.of("{\"a\":1}", "{\"b\":\"é\"}", "{\"c\":3}");

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static List<RawObjectLines.Line> read(byte[] object, String name) throws IOException {
        return RawObjectLines.read(new ByteArrayInputStream(object), name);
    }

    private static String text(RawObjectLines.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aWholeObjectGivesEveryLineWithoutItsBreak() throws IOException {
        List<RawObjectLines.Line> lines = read(gzip(String.join("\n", LINES) + "\n"), "x.ndjson.gz");
        assertEquals(LINES, lines.stream().map(RawObjectLinesTest::text).toList());
        lines.forEach(line -> assertNull(line.unreadable()));
        assertEquals(LINES, read(gzip(String.join("\r\n", LINES)), "x.ndjson.gz").stream().map(RawObjectLinesTest::text).toList(),
                "CRLF and a last line without a break");
    }

    @Test
    void aTruncatedObjectKeepsItsCompleteLinesAndQuarantinesTheRestAsOneLine() throws IOException {
        // Lines long enough that the deflate stream is cut well inside them.
        List<String> longLines = LINES.stream().map(l -> l.replace("}", ",\"pad\":\"" + "x".repeat(20_000) + "\"}")).toList();
        byte[] whole = gzip(String.join("\n", longLines) + "\n");
        int cuts = 0;
        for (int cut = 20; cut < whole.length - 8; cut += 7) {
            List<RawObjectLines.Line> lines = read(Arrays.copyOf(whole, cut), "x.ndjson.gz");
            RawObjectLines.Line last = lines.get(lines.size() - 1);
            assertEquals(QuarantineReason.TRUNCATED_GZIP, last.unreadable(), "cut at " + cut);
            assertTrue(last.detail().contains((lines.size() - 1) + " complete line(s)"), last.detail());
            List<String> complete = lines.subList(0, lines.size() - 1).stream().map(RawObjectLinesTest::text).toList();
            assertEquals(longLines.subList(0, complete.size()), complete, "every line before the break, whole");
            assertTrue(last.bytes().length <= RawObjectLines.KEPT_BYTES);
            cuts++;
        }
        assertTrue(cuts > 10);
    }

    @Test
    void aCorruptObjectIsQuarantinedLikeATruncatedOne() throws IOException {
        byte[] object = gzip(String.join("\n", LINES) + "\n");
        object[12] ^= 0x55;
        List<RawObjectLines.Line> lines = read(object, "x.ndjson.gz");
        assertEquals(QuarantineReason.TRUNCATED_GZIP, lines.get(lines.size() - 1).unreadable());
    }

    @Test
    void aGzNameWithoutGzipIsOneQuarantinedLineAndPlainNdjsonIsRead() throws IOException {
        byte[] plain = (String.join("\n", LINES) + "\n").getBytes(StandardCharsets.UTF_8);
        List<RawObjectLines.Line> notGzip = read(plain, "x.ndjson.gz");
        assertEquals(1, notGzip.size());
        assertEquals(QuarantineReason.NOT_GZIP, notGzip.get(0).unreadable());
        assertEquals(LINES, read(plain, "x.ndjson").stream().map(RawObjectLinesTest::text).toList());
        assertEquals(List.of(), read(new byte[0], "empty.ndjson.gz"));
    }
}
