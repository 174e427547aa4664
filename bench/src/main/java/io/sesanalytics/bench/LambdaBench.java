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
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The capture Lambda's costs: the deployment jar's size, the cold start of the handler (the median of five fresh
 * JVMs, each from JVM start to one SNS event stored), and the time per 1,000-record SQS batch with a warm handler,
 * each against a local S3 server (S3Proxy), counting the PUTs a batch makes.
 *
 * <p>Usage: {@code LambdaBench LAMBDA_JAR RAW_NOTIFICATIONS_FOLDER BATCHES}, with the jar in
 * {@code lambda-capture/target} (the function's {@code template.yaml} is read beside that folder); prints one JSON line.
 */
public final class LambdaBench {
    private static final String BUCKET = "capture-bench";
    /** Fresh JVMs whose median is the cold start. */
    private static final int COLD_STARTS = 5;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path template = jar.toAbsolutePath().getParent().getParent().resolve("template.yaml");
        List<String> bodies = lines(Path.of(args[1]), 1000);
        int batches = Integer.parseInt(args[2]);
        try (LocalS3 s3 = LocalS3.start()) {
            s3.createBucket(BUCKET);
            long[] coldStartMs = coldStarts(s3, jar, template);
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
            long[] coldSorted = coldStartMs.clone();
            Arrays.sort(coldSorted);
            System.out.printf("{\"jar_bytes\": %d, \"cold_start_ms\": %d, \"cold_start_runs_ms\": %s, \"batch_records\": %d, "
                            + "\"batches\": %d, \"batch_ms_median\": %d, \"batch_ms_p90\": %d, \"puts_per_batch\": %.2f}%n",
                    Files.size(jar), coldSorted[COLD_STARTS / 2], Arrays.toString(coldStartMs), bodies.size(), batches,
                    millis[batches / 2], millis[(int) (batches * 0.9)], puts.get() / (double) batches);
        }
    }

    /**
     * Runs {@link LambdaColdStart} in {@value #COLD_STARTS} fresh JVMs set up as the function is deployed: the
     * JAVA_TOOL_OPTIONS of the function's template.yaml, a classpath of the deployment jar (plus the class that
     * times it), and the environment Lambda provides, pointed at the local S3 server. Returns each run's milliseconds.
     */
    private static long[] coldStarts(LocalS3 s3, Path jar, Path template) throws Exception {
        Path payload = Files.createTempFile("cold-start-sns-event", ".json");
        try {
            Files.write(payload, LambdaEvents.snsEvent(List.of(LambdaEvents.ses("event/send.json"))));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classpath = jar.toAbsolutePath() + File.pathSeparator
                    + Path.of(LambdaColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String javaToolOptions = deployedJavaToolOptions(template);
            long[] millis = new long[COLD_STARTS];
            for (int i = 0; i < COLD_STARTS; i++) {
                ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, LambdaColdStart.class.getName(),
                        payload.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
                Map<String, String> env = builder.environment();
                env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("CAPTURE_")
                        || name.equals("ALLOWED_TOPIC_ARNS") || name.startsWith("JAVA_") || name.startsWith("JDK_"));
                env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
                env.put(CaptureConfig.BUCKET, BUCKET);
                env.put(CaptureConfig.PREFIX, "raw");
                env.put("AWS_REGION", "us-east-1");
                env.put("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY);
                env.put("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY);
                env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
                Process process = builder.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("cold start run failed: " + out);
                }
                millis[i] = Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).strip());
            }
            return millis;
        } finally {
            Files.deleteIfExists(payload);
        }
    }

    /** The value of JAVA_TOOL_OPTIONS in the function's environment in template.yaml. */
    static String deployedJavaToolOptions(Path template) throws IOException {
        for (String line : Files.readAllLines(template)) {
            String setting = line.strip();
            if (setting.startsWith("JAVA_TOOL_OPTIONS:")) {
                return setting.substring("JAVA_TOOL_OPTIONS:".length()).strip().replaceAll("^\"|\"$", "");
            }
        }
        throw new IllegalArgumentException(template + " sets no JAVA_TOOL_OPTIONS");
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
