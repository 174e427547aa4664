package io.sesanalytics.capture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the lines of one invocation: one gzip NDJSON object per kind, never one per event. */
public final class CaptureWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureWriter.class);

    private final CaptureStore store;
    private final CaptureKeys keys;

    public CaptureWriter(CaptureStore store, CaptureKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    /**
     * Stores the lines grouped by kind. A kind whose object could not be stored makes all its lines fail;
     * the other kinds are still written.
     */
    public WriteResult write(List<CapturedLine> lines, String requestId, Instant capturedAt) {
        Map<CaptureKind, List<CapturedLine>> byKind = new EnumMap<>(CaptureKind.class);
        for (CapturedLine line : lines) {
            byKind.computeIfAbsent(line.kind(), k -> new ArrayList<>()).add(line);
        }
        List<String> written = new ArrayList<>();
        Set<String> failedSourceIds = new LinkedHashSet<>();
        for (Map.Entry<CaptureKind, List<CapturedLine>> group : byKind.entrySet()) {
            String key = keys.key(group.getKey(), capturedAt, requestId);
            List<String> json = group.getValue().stream().map(CapturedLine::json).toList();
            try {
                store.put(key, NdjsonGzip.encode(json));
                written.add(key);
                LOG.info("stored {} {} line(s) in {}", json.size(), group.getKey().folder(), store.describe(key));
            } catch (IOException | RuntimeException e) {
                LOG.error("could not store {} {} line(s) in {}: {}",
                        json.size(), group.getKey().folder(), store.describe(key), e.getMessage());
                group.getValue().forEach(line -> failedSourceIds.add(line.sourceId()));
            }
        }
        return new WriteResult(List.copyOf(written), Set.copyOf(failedSourceIds));
    }

    /** The keys that were stored and the source ids of the lines that were not. */
    public record WriteResult(List<String> keys, Set<String> failedSourceIds) {
        public boolean allStored() {
            return failedSourceIds.isEmpty();
        }
    }
}
