package io.sesanalytics.jobs.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunSummariesTest {
    @Test
    void sectionsAreWrittenInTheOrderOfTheJobsWhicheverWasPutFirst() {
        ObjectNode summary = RunSummaries.MAPPER.createObjectNode();
        for (String section : List.of("startup_ms", "zeta", "suppress", "catch_up", "date", "aggregate", "alpha",
                "timings_ms", "snapshots", "normalized_objects", "normalize")) {
            summary.put(section, section);
        }
        List<String> order = new ArrayList<>();
        RunSummaries.inSectionOrder(summary).fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("date", "normalize", "normalized_objects", "aggregate", "suppress", "snapshots", "catch_up",
                "timings_ms", "startup_ms", "alpha", "zeta"), order);
    }
}
