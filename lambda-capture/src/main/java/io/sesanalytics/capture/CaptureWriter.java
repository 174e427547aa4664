package io.sesanalytics.capture;

import io.sesanalytics.raw.CaptureKeys;
import io.sesanalytics.raw.CaptureKind;
import io.sesanalytics.raw.CapturedLine;
import io.sesanalytics.raw.NdjsonGzip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the lines of one invocation as one gzip NDJSON object: a single S3 PUT per invocation,
 * whatever kinds of line it holds.
 */
public final class CaptureWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureWriter.class);

    private final CaptureStore store;
    private final CaptureKeys keys;

    public CaptureWriter(CaptureStore store, CaptureKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /** Stores the lines in one object. If it cannot be stored, every line has failed. */
    public WriteResult write(List<CapturedLine> lines, String requestId, Instant capturedAt) {
        if (lines.isEmpty()) {
            return new WriteResult(Set.of()); // nothing to keep: no empty object
        }
        String key = keys.key(capturedAt, requestId);
        Map<CaptureKind, Integer> counts = new EnumMap<>(CaptureKind.class);
        lines.forEach(line -> counts.merge(line.kind(), 1, Integer::sum));
        try {
            store.put(key, NdjsonGzip.encode(lines.stream().map(CapturedLine::json).toList()));
            LOG.info("stored {} line(s) {} in {}", lines.size(), counts, store.describe(key));
            return new WriteResult(Set.of());
        } catch (IOException | RuntimeException e) {
            LOG.error("could not store {} line(s) {} in {}: {}", lines.size(), counts, store.describe(key), e.getMessage());
            Set<String> failed = new LinkedHashSet<>();
            lines.forEach(line -> failed.add(line.sourceId()));
            return new WriteResult(Set.copyOf(failed));
        }
    }

    /** The source ids of the lines that were not stored. */
    public record WriteResult(Set<String> failedSourceIds) {
        public boolean allStored() {
            return failedSourceIds.isEmpty();
        }
    }
}
