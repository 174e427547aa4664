package io.sesanalytics.jobs.normalize;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * What one normalize run did with the raw lines of its capture date. Every line is written, a
 * duplicate, or quarantined: {@code rawLines == eventRecords + receivedRecords + duplicates + quarantined},
 * where {@code rawLines} is counted from the lines as read and the rest from the outcomes decided for them.
 */
public record NormalizeSummary(
        LocalDate captureDate,
        List<LocalDate> lookbackDates,
        long rawLines,
        long eventRecords,
        long receivedRecords,
        long eventRows,
        long receivedRows,
        long receivedDestinationRows,
        Map<String, Long> duplicates,
        Map<String, Long> quarantined) {

    public long duplicateLines() {
        return duplicates.values().stream().mapToLong(Long::longValue).sum();
    }

    public long quarantinedLines() {
        return quarantined.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lines the outcomes account for. */
    public long accountedLines() {
        return eventRecords + receivedRecords + duplicateLines() + quarantinedLines();
    }

    /** True when every raw line read is accounted for exactly once. */
    public boolean balanced() {
        return rawLines == accountedLines();
    }

    /** Both sides of the line accounting, for a person. */
    public String accounting() {
        return String.format("%,d raw lines read; outcomes: %,d events + %,d received + %,d duplicates + %,d quarantined = %,d",
                rawLines, eventRecords, receivedRecords, duplicateLines(), quarantinedLines(), accountedLines());
    }

    /**
     * Counts the outcomes of the resolved {@link NormalizeOutputs#lineIndex} of one capture date in a single pass.
     *
     * @param linesRead the raw lines of the date as read, counted apart from the outcomes
     */
    static NormalizeSummary of(LocalDate captureDate, List<LocalDate> lookbackDates, long linesRead, Dataset<Row> resolved) {
        List<Row> groups = resolved
                .groupBy(col("outcome"), col("status"), coalesce(col("duplicate_cause"), col("reason"), lit("")).as("detail"))
                .agg(count(lit(1)).as("lines"),
                        sum(col("event_count")).as("event_rows"),
                        sum(col("destination_count")).as("destinations"))
                .collectAsList();
        long eventRecords = 0;
        long receivedRecords = 0;
        long eventRows = 0;
        long destinationRows = 0;
        Map<String, Long> duplicates = new TreeMap<>();
        Map<String, Long> quarantined = new TreeMap<>();
        for (Row group : groups) {
            long lines = group.getLong(group.fieldIndex("lines"));
            String detail = group.getString(group.fieldIndex("detail"));
            String outcome = group.getString(group.fieldIndex("outcome"));
            switch (outcome == null ? "" : outcome) {
                case Deduplication.WRITTEN -> {
                    if (SesLineParser.EVENT.equals(group.getString(group.fieldIndex("status")))) {
                        eventRecords += lines;
                        eventRows += group.getLong(group.fieldIndex("event_rows"));
                    } else {
                        receivedRecords += lines;
                        destinationRows += group.getLong(group.fieldIndex("destinations"));
                    }
                }
                case Deduplication.DUPLICATE -> duplicates.merge(detail, lines, Long::sum);
                case Deduplication.QUARANTINED -> quarantined.merge(detail, lines, Long::sum);
                default -> throw new IllegalStateException(lines + " line(s) have no outcome");
            }
        }
        return new NormalizeSummary(captureDate, lookbackDates, linesRead, eventRecords, receivedRecords, eventRows,
                receivedRecords, destinationRows, duplicates, quarantined);
    }
}
