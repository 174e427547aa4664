package io.sesanalytics.jobs.normalize;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The lines of one raw capture object. An object is read to its end, or to where it breaks: every complete
 * line before a break is kept, and what follows it becomes one unreadable line, so that a truncated upload
 * costs its tail and nothing else.
 */
final class RawObjectLines {
    /** How much of an unreadable object's bytes its line keeps. */
    static final int KEPT_BYTES = 1000;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private RawObjectLines() {
    }

    /**
     * One line of an object: its bytes (UTF-8, without the line break), and for the line standing for an
     * unreadable part, the reason and what the reader said.
     */
    record Line(byte[] bytes, QuarantineReason unreadable, String detail) {
        static Line of(byte[] bytes) {
            return new Line(bytes, null, null);
        }
    }

    /**
     * Reads an object whose content is gzip NDJSON, as the capture Lambda writes it, or plain NDJSON when its
     * name does not end in {@code .gz}. Closes the stream.
     */
    static List<Line> read(InputStream object, String name) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(object, 64 * 1024)) {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            if (first < 0) {
                return List.of();
            }
            boolean gzip = first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
            if (!gzip && name.endsWith(".gz")) {
                return List.of(new Line(in.readNBytes(KEPT_BYTES), QuarantineReason.NOT_GZIP, "no gzip header"));
            }
            List<Line> lines = new ArrayList<>();
            LineSplitter splitter = new LineSplitter(lines);
            try {
                splitter.readAll(gzip ? new GZIPInputStream(in, 64 * 1024) : in);
            } catch (IOException broken) {
                if (!gzip) {
                    throw broken;
                }
                // The lines before the break are kept; the broken rest becomes one line.
                lines.add(new Line(splitter.pending(), QuarantineReason.TRUNCATED_GZIP,
                        "gzip stream broken after " + lines.size() + " complete line(s): " + broken.getMessage()));
            }
            return lines;
        }
    }

    /** Splits bytes at {@code \n}, dropping a {@code \r} before it. */
    private static final class LineSplitter {
        private final List<Line> lines;
        private byte[] pending = new byte[8 * 1024];
        private int length;

        LineSplitter(List<Line> lines) {
            this.lines = lines;
        }

        void readAll(InputStream in) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        append(buffer, start, i - start);
                        lines.add(Line.of(take()));
                        start = i + 1;
                    }
                }
                append(buffer, start, read - start);
            }
            if (length > 0) {
                lines.add(Line.of(take()));
            }
        }

        /** The bytes after the last complete line. */
        byte[] pending() {
            return Arrays.copyOf(pending, Math.min(length, KEPT_BYTES));
        }

        private void append(byte[] bytes, int from, int count) {
            if (length + count > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + count));
            }
            System.arraycopy(bytes, from, pending, length, count);
            length += count;
        }

        private byte[] take() {
            int end = length > 0 && pending[length - 1] == '\r' ? length - 1 : length;
            byte[] line = Arrays.copyOf(pending, end);
            length = 0;
            return line;
        }
    }
}
