package io.sesanalytics.jobs.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs independent steps at once on one SparkSession. A step of the jobs is mostly a chain of short
 * Spark jobs, each waiting for the driver to plan it and commit its files; side by side, one step's tasks
 * fill the cores while another waits. All steps always run to the end, so that none is cut off
 * half-written when another fails; the first failure (in the order of the steps) is then thrown, with
 * the others attached.
 */
public final class SideBySide {
    /** The results of two steps. */
    public record Both<A, B>(A first, B second) {
    }

    private SideBySide() {
    }

    /** Runs {@code first} on a thread of its own and {@code second} on this one, and waits for both. */
    public static <A, B> Both<A, B> run(String name, Supplier<A> first, Supplier<B> second) {
        AtomicReference<A> firstValue = new AtomicReference<>();
        AtomicReference<B> secondValue = new AtomicReference<>();
        all(name, List.of(() -> firstValue.set(first.get()), () -> secondValue.set(second.get())));
        return new Both<>(firstValue.get(), secondValue.get());
    }

    /** Runs every step but the last on a thread of its own and the last on this one, and waits for all. */
    public static void all(String name, List<Runnable> steps) {
        if (steps.isEmpty()) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, steps.size() - 1), runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> started = new ArrayList<>();
            for (Runnable step : steps.subList(0, steps.size() - 1)) {
                started.add(threads.submit(step));
            }
            Throwable last = null;
            try {
                steps.get(steps.size() - 1).run();
            } catch (Throwable e) {
                // Spark also throws checked exceptions (SparkException) from Scala code.
                last = e;
            }
            Throwable failure = null;
            for (Future<?> step : started) {
                try {
                    waitFor(step);
                } catch (ExecutionException e) {
                    failure = attach(failure, e.getCause());
                }
            }
            failure = attach(failure, last);
            if (failure != null) {
                throw unchecked(failure, name);
            }
        } finally {
            threads.shutdown();
        }
    }

    private static Throwable attach(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (next != null) {
            first.addSuppressed(next);
        }
        return first;
    }

    /** Waits for the step to end, even if this thread is interrupted meanwhile. */
    private static void waitFor(Future<?> step) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    step.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException unchecked(Throwable failure, String name) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("a step run beside " + name + " failed: " + failure.getMessage(), failure);
    }
}
