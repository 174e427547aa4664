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
            B secondResult = null;
            RuntimeException failure = null;
            try {
                secondResult = second.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            A firstValue = null;
            try {
                firstValue = firstResult.get();
            } catch (ExecutionException e) {
                RuntimeException firstFailure = e.getCause() instanceof RuntimeException runtime
                        ? runtime : new IllegalStateException(e.getCause());
                if (failure != null) {
                    firstFailure.addSuppressed(failure);
                }
                failure = firstFailure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (failure != null) {
                throw failure;
            }
            return new Both<>(firstValue, secondResult);
        } finally {
            thread.shutdown();
        }
    }
}
