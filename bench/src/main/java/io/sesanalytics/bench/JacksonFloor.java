package io.sesanalytics.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The floor: what reading the captures costs at the least. Gunzips every object of a capture date,
 * parses each line and the SES JSON inside its {@code Message} with Jackson's streaming parser, and counts
 * events by type and sender domain, on a fixed number of threads. No deduplication, no output.
 *
 * <p>Usage: {@code JacksonFloor RAW_FOLDER THREADS}; prints one JSON line.
 */
public final class JacksonFloor {
    private static final JsonFactory JSON = new JsonFactory();

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".ndjson.gz")).sorted().toList();
        }
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Map<String, long[]>>> parts = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                Map<String, long[]> counts = new HashMap<>();
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    count(files.get(i), counts);
                }
                return counts;
            }));
        }
        Map<String, long[]> total = new HashMap<>();
        for (Future<Map<String, long[]>> part : parts) {
            part.get().forEach((k, v) -> total.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        }
        pool.shutdown();
        long lines = total.values().stream().mapToLong(v -> v[0]).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"files\": %d, \"lines\": %d, \"keys\": %d, \"seconds\": %.3f}%n",
                files.size(), lines, total.size(), seconds);
    }

    private static void count(Path file, Map<String, long[]> counts) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] envelope = fields(line, "Message", "eventType", "notificationType", "source");
                String[] ses = envelope[0] != null
                        ? fields(envelope[0], "Message", "eventType", "notificationType", "source")
                        : envelope;
                String type = ses[1] != null ? ses[1] : ses[2];
                String source = ses[3];
                String domain = source == null ? "" : source.substring(source.lastIndexOf('@') + 1).replace(">", "").toLowerCase();
                counts.computeIfAbsent(type + "|" + domain, k -> new long[1])[0]++;
            }
        }
    }

    /** The string values of the named fields at any depth (first occurrence each); null for malformed JSON. */
    private static String[] fields(String json, String... names) {
        String[] values = new String[names.length];
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    for (int i = 0; i < names.length; i++) {
                        if (values[i] == null && names[i].equals(name)) {
                            if (parser.nextToken() == JsonToken.VALUE_STRING) {
                                values[i] = parser.getText();
                            }
                            break;
                        }
                    }
                }
            }
        } catch (IOException malformed) {
            return values;
        }
        return values;
    }
}
