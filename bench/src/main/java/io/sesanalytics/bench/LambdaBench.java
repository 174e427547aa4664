package io.sesanalytics.bench;

import io.sesanalytics.capture.CaptureConfig;
import io.sesanalytics.capture.CaptureHandler;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.capture.LocalS3;
import io.sesanalytics.capture.S3CaptureStore;
import io.sesanalytics.capture.SnsUrlPolicy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The capture Lambda's costs: the deployment jar's size, the cold start of the handler in a fresh JVM
 * (JVM start to the first SQS batch stored), and the time per 1,000-record SQS batch with a warm handler,
 * each against a local S3 server (S3Proxy), counting the PUTs a batch makes.
 *
 * <p>Usage: {@code LambdaBench LAMBDA_JAR RAW_NOTIFICATIONS_FOLDER BATCHES}; prints one JSON line.
 */
public final class LambdaBench {
    private static final String BUCKET = "capture-bench";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        List<String> bodies = lines(Path.of(args[1]), 1000);
        int batches = Integer.parseInt(args[2]);
        try (LocalS3 s3 = LocalS3.start()) {
            s3.createBucket(BUCKET);
            long coldStartMs = coldStart(s3);
            AtomicInteger puts = new AtomicInteger();
            ExecutionInterceptor countPuts = new ExecutionInterceptor() {
                @Override
                public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                    if (context.request().getClass().getSimpleName().equals("PutObjectRequest")) {
                        puts.incrementAndGet();
                    }
                }
            };
            CaptureHandler handler = new CaptureHandler(new CaptureConfig(BUCKET, "raw", Set.of()),
                    new S3CaptureStore(s3.client(countPuts), BUCKET), SnsUrlPolicy.snsEndpointsOnly(), Clock.systemUTC());
            byte[] batch = LambdaEvents.sqsEvent(bodies);
            for (int i = 0; i < 5; i++) {
                handler.handle(batch, "warm-" + i);
            }
            puts.set(0);
            long[] millis = new long[batches];
            for (int i = 0; i < batches; i++) {
                long start = System.nanoTime();
                handler.handle(batch, "batch-" + i);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("{\"jar_bytes\": %d, \"cold_start_ms\": %d, \"batch_records\": %d, \"batches\": %d, "
                            + "\"batch_ms_median\": %d, \"batch_ms_p90\": %d, \"puts_per_batch\": %.2f}%n",
                    Files.size(jar), coldStartMs, bodies.size(), batches, millis[batches / 2],
                    millis[(int) (batches * 0.9)], puts.get() / (double) batches);
        }
    }

    /** Runs {@link LambdaColdStart} in a fresh JVM on the same classpath and returns what it measured. */
    private static long coldStart(LocalS3 s3) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LambdaColdStart.class.getName(), s3.endpoint().toString(), BUCKET)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cold start run failed: " + out);
        }
        return Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).strip());
    }

    static List<String> lines(Path folder, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".ndjson.gz")).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null && lines.size() < count) {
                    lines.add(line);
                }
            }
            if (lines.size() == count) {
                break;
            }
        }
        return lines;
    }
}
