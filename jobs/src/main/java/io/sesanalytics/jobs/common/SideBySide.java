package io.sesanalytics.jobs.common;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs two independent steps at once on one SparkSession. A step of the jobs is mostly a chain of short
 * Spark jobs, each waiting for the driver to plan it and commit its files; side by side, one step's tasks
 * fill the cores while the other waits. Both steps always run to the end, so that neither is cut off
 * half-written when the other fails; the first failure is then thrown, with the second attached.
 */
public final class SideBySide {
    /** The results of the two steps. */
    public record Both<A, B>(A first, B second) {
    }

    private SideBySide() {
    }

    /** Runs {@code first} on a thread of its own and {@code second} on this one, and waits for both. */
    public static <A, B> Both<A, B> run(String name, Supplier<A> first, Supplier<B> second) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<A> firstResult = thread.submit(first::get);
            B secondValue = null;
            Throwable failure = null;
            try {
                secondValue = second.get();
            } catch (Throwable e) {
                // Spark also throws checked exceptions (SparkException) from Scala code.
                failure = e;
            }
            A firstValue = null;
            try {
                firstValue = waitFor(firstResult);
            } catch (ExecutionException e) {
                if (failure != null) {
                    e.getCause().addSuppressed(failure);
                }
                failure = e.getCause();
            }
            if (failure != null) {
                throw unchecked(failure, name);
            }
            return new Both<>(firstValue, secondValue);
        } finally {
            thread.shutdown();
        }
    }

    /** The step's result, waiting for it to end even if this thread is interrupted meanwhile. */
    private static <T> T waitFor(Future<T> result) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
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
