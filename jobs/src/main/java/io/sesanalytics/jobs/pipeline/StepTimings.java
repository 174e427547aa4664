package io.sesanalytics.jobs.pipeline;

import io.sesanalytics.jobs.common.SideBySide;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock milliseconds of a run's steps, in the order they ran, and their {@value #TOTAL}: the time
 * from the first step's start to the last one's end, which is less than their sum when steps ran side by
 * side. The start-up before the jobs (JVM start to main, SparkSession creation) is kept in its own timings.
 */
public final class StepTimings {
    public static final String TOTAL = "total";

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long totalMillis;

    /** Records the time from JVM start to now as {@code jvm_start}. */
    public static StepTimings sinceJvmStart() {
        StepTimings timings = new StepTimings();
        timings.record("jvm_start", System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(),
                true);
        return timings;
    }

    public <T> T time(String step, Supplier<T> work) {
        return measure(step, true, work);
    }

    /**
     * Runs two independent steps at once (see {@link SideBySide}). Each step's own time is recorded, and the
     * time of the pair as {@code first+second}.
     */
    public <A, B> SideBySide.Both<A, B> timeSideBySide(String firstStep, Supplier<A> first,
                                                        String secondStep, Supplier<B> second) {
        synchronized (this) {
            // Each step in the order of the call, whichever ends first.
            millis.putIfAbsent(firstStep, 0L);
            millis.putIfAbsent(secondStep, 0L);
        }
        return time(firstStep + "+" + secondStep, () -> SideBySide.run(firstStep,
                () -> measure(firstStep, false, first), () -> measure(secondStep, false, second)));
    }

    /** Times a step; only steps that run one after the other add to the total. */
    private <T> T measure(String step, boolean inTotal, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(step, (System.nanoTime() - start) / 1_000_000, inTotal);
        }
    }

    private synchronized void record(String step, long elapsed, boolean inTotal) {
        millis.merge(step, elapsed, Long::sum);
        if (inTotal) {
            totalMillis += elapsed;
        }
    }

    /** Each step's time, each pair run side by side as {@code first+second}, and the {@value #TOTAL}. */
    public synchronized Map<String, Long> millis() {
        Map<String, Long> all = new LinkedHashMap<>(millis);
        all.put(TOTAL, totalMillis);
        return all;
    }

    /** The steps in order, e.g. {@code normalize 30.2 s, aggregate 9.1 s, suppress 4.0 s, aggregate+suppress 9.3 s; total 39.5 s}. */
    @Override
    public synchronized String toString() {
        StringBuilder text = new StringBuilder();
        millis.forEach((step, ms) -> text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append(seconds(ms)));
        return text.append("; total ").append(seconds(totalMillis)).toString();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
