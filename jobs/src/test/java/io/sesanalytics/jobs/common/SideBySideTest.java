package io.sesanalytics.jobs.common;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideBySideTest {
    @Test
    void runsBothStepsAtOnceAndReturnsBothResults() {
        // Each step waits for the other to have started: run one after the other, neither would see it.
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        SideBySide.Both<Boolean, Boolean> both = SideBySide.run("first",
                () -> {
                    firstStarted.countDown();
                    return await(secondStarted);
                },
                () -> {
                    secondStarted.countDown();
                    return await(firstStarted);
                });
        assertEquals(new SideBySide.Both<>(true, true), both);
    }

    @Test
    void aFailedStepLetsTheOtherFinishAndIsThrown() {
        AtomicBoolean secondFinished = new AtomicBoolean();
        IllegalStateException failure = new IllegalStateException("first failed");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> SideBySide.run("first",
                () -> {
                    throw failure;
                },
                () -> {
                    secondFinished.set(true);
                    return "written";
                }));
        assertSame(failure, thrown);
        assertTrue(secondFinished.get());
    }

    @Test
    void aCheckedExceptionFromSparkStillWaitsForTheOtherStep() {
        AtomicBoolean firstFinished = new AtomicBoolean();
        CountDownLatch secondFailing = new CountDownLatch(1);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> SideBySide.run("first",
                () -> {
                    await(secondFailing);
                    // Still at work when the other step has failed: the run must wait for it.
                    pause();
                    firstFinished.set(true);
                    return "written";
                },
                () -> {
                    secondFailing.countDown();
                    return throwChecked(new Exception("job aborted"));
                }));
        assertEquals("job aborted", thrown.getCause().getMessage());
        assertTrue(firstFinished.get());
    }

    @Test
    void whenBothFailTheFirstIsThrownWithTheSecondAttached() {
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> SideBySide.run("first",
                () -> {
                    throw new IllegalStateException("first failed");
                },
                () -> {
                    throw new IllegalArgumentException("second failed");
                }));
        assertEquals("first failed", thrown.getMessage());
        assertInstanceOf(IllegalArgumentException.class, thrown.getSuppressed()[0]);
    }

    /** Throws a checked exception where the compiler does not see it, as Scala code such as Spark's does. */
    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T throwChecked(Throwable e) throws E {
        throw (E) e;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
