package io.sesanalytics.jobs.common;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock milliseconds of a run's steps, in the order they ran, with the start-up before them (JVM
 * start to main, SparkSession creation) kept apart from the jobs' own time.
 */
public final class StepTimings {
    private final Map<String, Long> millis = new LinkedHashMap<>();

    /** Records the time from JVM start to now as {@code jvm_start}. */
    public static StepTimings sinceJvmStart() {
        StepTimings timings = new StepTimings();
        timings.millis.put("jvm_start", System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        return timings;
    }

    public <T> T time(String step, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            millis.merge(step, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    public Map<String, Long> millis() {
        return Map.copyOf(millis);
    }

    /** The steps in order, e.g. {@code jvm_start 0.4 s, spark_session 2.1 s, normalize 30.2 s}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        millis.forEach((step, ms) -> text.append(text.isEmpty() ? "" : ", ").append(step).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0)));
        return text.toString();
    }
}
