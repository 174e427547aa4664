package io.sesanalytics.jobs.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run summary of one date, {@code <warehouse>/_runs/dt=YYYY-MM-DD/summary.json}: one section per job,
 * each replaced whole when that job runs again for the date. Sections are written in a fixed order
 * ({@link #SECTION_ORDER}, then any other by name), whichever job wrote its section first, so that a re-run
 * of a date writes the same summary.
 */
public final class RunSummaries {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The sections in the order the nightly pipeline runs their jobs; others follow by name. */
    static final List<String> SECTION_ORDER = List.of("date", "normalize", "normalized_objects", "aggregate",
            "suppress", "alerts", "ses_sync", "snapshots", "catch_up", "timings_ms", "startup_ms");

    private RunSummaries() {
    }

    public static ObjectNode read(SparkSession spark, String warehouse, LocalDate date) {
        String location = Locations.runSummary(warehouse, date);
        if (!Storage.exists(spark, location)) {
            ObjectNode fresh = MAPPER.createObjectNode();
            fresh.put("date", date.toString());
            return fresh;
        }
        try {
            return (ObjectNode) MAPPER.readTree(Storage.read(spark, location));
        } catch (IOException e) {
            throw new UncheckedIOException("the run summary " + location + " is not JSON", e);
        }
    }

    /**
     * Replaces one job's section and writes the summary back; returns the whole summary. Synchronized, as
     * jobs run side by side put their sections into the same summary.
     */
    public static synchronized ObjectNode putSection(SparkSession spark, String warehouse, LocalDate date, String job, Object section) {
        ObjectNode summary = read(spark, warehouse, date);
        summary.set(job, MAPPER.valueToTree(section));
        return write(spark, warehouse, date, summary);
    }

    /** Removes sections, if present, and writes the summary back when one was. */
    public static synchronized void removeSections(SparkSession spark, String warehouse, LocalDate date, List<String> jobs) {
        ObjectNode summary = read(spark, warehouse, date);
        if (jobs.stream().anyMatch(summary::has)) {
            summary.remove(jobs);
            write(spark, warehouse, date, summary);
        }
    }

    private static ObjectNode write(SparkSession spark, String warehouse, LocalDate date, ObjectNode summary) {
        ObjectNode ordered = inSectionOrder(summary);
        try {
            Storage.write(spark, Locations.runSummary(warehouse, date), MAPPER.writeValueAsBytes(ordered));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the run summary", e);
        }
        return ordered;
    }

    /** The summary's sections in {@link #SECTION_ORDER}, then the others by name. */
    static ObjectNode inSectionOrder(ObjectNode summary) {
        List<String> names = new ArrayList<>();
        summary.fieldNames().forEachRemaining(names::add);
        names.sort(Comparator.comparing((String name) -> SECTION_ORDER.contains(name) ? SECTION_ORDER.indexOf(name)
                : SECTION_ORDER.size()).thenComparing(Comparator.naturalOrder()));
        ObjectNode ordered = MAPPER.createObjectNode();
        names.forEach(name -> ordered.set(name, summary.get(name)));
        return ordered;
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
