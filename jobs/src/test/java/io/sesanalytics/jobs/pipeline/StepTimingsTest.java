package io.sesanalytics.jobs.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepTimingsTest {
    @Test
    void timingsKeepEachStepOfAPairInCallOrderAndTheirTotal() {
        StepTimings timings = new StepTimings();
        timings.time("normalize", () -> 1);
        timings.timeSideBySide("aggregate", () -> 2, "suppress", () -> 3);
        assertEquals(List.of("normalize", "aggregate", "suppress", "aggregate+suppress", StepTimings.TOTAL),
                List.copyOf(timings.millis().keySet()));
        long total = timings.millis().get(StepTimings.TOTAL);
        assertEquals(timings.millis().get("normalize") + timings.millis().get("aggregate+suppress"), total);
    }
}
