package io.sesanalytics.jobs.sessync;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Storage;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The addresses this tool added to SES's suppression list and has not removed since, so that it removes only
 * those when they are released: {@code <warehouse>/ses-sync/added.json}, a JSON object of address to
 * {@code {"reason": ..., "added_on": ...}}, replaced whole on each write (written beside and renamed locally,
 * one PUT on S3), so a reader never sees half of it.
 */
public final class SesSyncLedger {
    public static final String FILE = "ses-sync/added.json";

    /** One address added to SES: its reason and the state date of the run that added it. */
    public record Entry(@JsonProperty("reason") String reason, @JsonProperty("added_on") LocalDate addedOn) {
    }

    private final String location;
    private final TreeMap<String, Entry> added;

    private SesSyncLedger(String location, Map<String, Entry> added) {
        this.location = location;
        this.added = new TreeMap<>(added);
    }

    public static String location(String warehouse) {
        return warehouse + "/" + FILE;
    }

    public static SesSyncLedger read(SparkSession spark, String warehouse) {
        String location = location(warehouse);
        if (!Storage.exists(spark, location)) {
            return new SesSyncLedger(location, Map.of());
        }
        try {
            Map<String, Entry> entries = RunSummaries.MAPPER.readValue(Storage.read(spark, location),
                    new TypeReference<Map<String, Entry>>() {
                    });
            return new SesSyncLedger(location, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("the SES sync record " + location + " is not JSON", e);
        }
    }

    public Map<String, Entry> added() {
        return java.util.Collections.unmodifiableMap(added);
    }

    public void add(String address, String reason, LocalDate date) {
        added.put(address, new Entry(reason, date));
    }

    public void remove(String address) {
        added.remove(address);
    }

    public String location() {
        return location;
    }

    public void write(SparkSession spark) {
        try {
            Storage.write(spark, location, RunSummaries.MAPPER.writeValueAsBytes(added));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the SES sync record", e);
        }
    }
}
