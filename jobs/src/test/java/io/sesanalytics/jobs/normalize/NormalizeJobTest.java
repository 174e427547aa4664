package io.sesanalytics.jobs.normalize;

import io.sesanalytics.capture.DirectoryCaptureStore;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The normalize job over local files, on the captures of {@link CaptureScenario}. */
class NormalizeJobTest {
    @TempDir
    static Path root;

    private static SparkSession spark;
    private static String raw;
    private static String warehouse;
    private static NormalizeSummary dayBefore;
    private static NormalizeSummary day;

    @BeforeAll
    static void runTwoNights() {
        spark = SparkTestSession.get();
        CaptureScenario.write(new DirectoryCaptureStore(root.resolve("raw")));
        raw = root.resolve("raw").toString();
        warehouse = root.resolve("warehouse").toString();
        dayBefore = NormalizeJob.run(spark, new NormalizeJob.Config(raw, warehouse, CaptureScenario.DAY_BEFORE, 3));
        day = NormalizeJob.run(spark, new NormalizeJob.Config(raw, warehouse, CaptureScenario.DAY, 3));
    }

    private static Dataset<Row> table(Table table) {
        return TableWriter.read(spark, table, Locations.normalize(warehouse));
    }

    @Test
    void everyRawLineIsWrittenCountedAsDuplicateOrQuarantined() {
        assertEquals(CaptureScenario.DAY_RAW_LINES, day.rawLines());
        assertEquals(CaptureScenario.DAY_EVENT_RECORDS, day.eventRecords());
        assertEquals(CaptureScenario.DAY_EVENT_ROWS, day.eventRows());
        assertEquals(CaptureScenario.DAY_RECEIVED, day.receivedRecords());
        assertEquals(Map.of(Deduplication.SAME_SNS_MESSAGE, CaptureScenario.DAY_SAME_SNS_MESSAGE,
                Deduplication.SAME_SES_EVENT, CaptureScenario.DAY_SAME_SES_EVENT), day.duplicates());
        assertEquals(CaptureScenario.DAY_QUARANTINED, day.quarantinedLines());
        assertTrue(day.balanced());
        assertEquals(List.of(CaptureScenario.DAY_BEFORE), day.lookbackDates());
        assertEquals(1, dayBefore.eventRows());
    }

    @Test
    void everyEventTypeOfBothFormatsIsWrittenOnce() {
        Map<String, Long> byType = new TreeMap<>();
        table(Table.EVENTS).groupBy("event_type", "source_format").count().collectAsList()
                .forEach(r -> byType.put(r.getString(0) + "/" + r.getString(1), r.getLong(2)));
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("bounce/event_publishing", 1L), Map.entry("bounce/identity_notification", 1L),
                Map.entry("complaint/event_publishing", 1L), Map.entry("complaint/identity_notification", 1L),
                Map.entry("delivery/event_publishing", 2L), Map.entry("delivery/identity_notification", 1L),
                Map.entry("send/event_publishing", 3L), Map.entry("reject/event_publishing", 1L),
                Map.entry("open/event_publishing", 1L), Map.entry("click/event_publishing", 1L),
                Map.entry("rendering_failure/event_publishing", 1L), Map.entry("delivery_delay/event_publishing", 1L),
                Map.entry("subscription/event_publishing", 1L)));
        assertEquals(expected, byType);
        assertEquals(16, table(Table.EVENTS).select("event_id").distinct().count());
    }

    @Test
    void theEventSeenInBothFormatsKeepsItsEventPublishingCopy() {
        String messageId = CaptureScenario.identityCopyOfEventBounce().path("mail").path("messageId").asText();
        List<Row> rows = table(Table.EVENTS).filter(col("message_id").equalTo(messageId)).collectAsList();
        assertEquals(1, rows.size());
        assertEquals("event_publishing", rows.get(0).getAs("source_format"));
    }

    @Test
    void aLateEventLandsInItsOwnEventDateWithoutTouchingEarlierPartitions() {
        List<Row> late = table(Table.EVENTS).filter(col("event_date").equalTo(lit(CaptureScenario.LATE_EVENT_DATE)))
                .collectAsList();
        assertEquals(1, late.size());
        assertEquals(CaptureScenario.LATE_MESSAGE_ID, late.get(0).getAs("message_id"));
        assertEquals(CaptureScenario.DAY, late.get(0).getAs("capture_date"));
        // The open written by the run of the day before is still there, in the same event date.
        List<Row> opens = table(Table.EVENTS).filter(col("event_type").equalTo("open")).collectAsList();
        assertEquals(1, opens.size());
        assertEquals(CaptureScenario.DAY_BEFORE, opens.get(0).getAs("capture_date"));
        assertTrue(TableWriter.partitions(spark, Table.EVENTS, warehouse).stream()
                .anyMatch(p -> p.get(0).toString().equals("2026-11-24") && p.get(1).equals(CaptureScenario.DAY_BEFORE)));
    }

    @Test
    void malformedLinesAreQuarantinedWithTheirReason() {
        List<String> reasons = table(Table.QUARANTINE).orderBy("reason").collectAsList().stream()
                .map(r -> r.<String>getAs("reason")).toList();
        assertEquals(List.of("bad_timestamp", "capture_unparsed"), reasons);
        assertEquals(Map.of("bad_timestamp", 1L, "capture_unparsed", 1L), day.quarantined());
        Row badTime = table(Table.QUARANTINE).filter(col("reason").equalTo("bad_timestamp")).first();
        assertEquals("bad timestamp in timestamp: 'yesterday'", badTime.getAs("reason_detail"));
        Row notJson = table(Table.QUARANTINE).filter(col("reason").equalTo("capture_unparsed")).first();
        assertTrue(notJson.<String>getAs("reason_detail").startsWith("not JSON"), notJson.<String>getAs("reason_detail"));
        assertTrue(notJson.<String>getAs("raw_line").contains("this is not json"));
        // The raw object of the last batch, captured on DAY at 11:00 by request c.
        assertTrue(notJson.<String>getAs("source_file").endsWith("/dt=2026-11-24/20261124T110000000Z-c.ndjson.gz"),
                notJson.<String>getAs("source_file"));
        assertEquals(CaptureScenario.DAY, notJson.getAs("capture_date"));
    }

    @Test
    void receivedMailAndItsDestinationsAreWritten() {
        assertEquals(2, table(Table.RECEIVED).count());
        assertEquals(4, table(Table.RECEIVED_DESTINATIONS).count());
        assertEquals(0, table(Table.RECEIVED_DESTINATIONS).filter(col("destination_domain").isNull()).count());
    }

    @Test
    void theRunSummaryIsWrittenBesideTheTables() throws Exception {
        Path summary = Path.of(warehouse, "_runs", "dt=2026-11-24", "summary.json");
        var json = RunSummaries.MAPPER.readTree(Files.readAllBytes(summary));
        assertEquals(CaptureScenario.DAY_RAW_LINES, json.path("normalize").path("rawLines").asLong());
        assertEquals("2026-11-24", json.path("date").asText());
    }

    @Test
    void earlierCopiesAreFoundTheSameThroughKeptKeysAsThroughTheirRawLines() {
        // A run whose earlier date was never normalized parses that date's raw lines instead of its keys.
        String alone = root.resolve("warehouse-alone").toString();
        NormalizeSummary withoutKeys = NormalizeJob.run(spark, new NormalizeJob.Config(raw, alone, CaptureScenario.DAY, 3));
        assertEquals(day, withoutKeys);
        assertEquals(sortedRows(Table.EVENTS, "event_id").stream().filter(r -> CaptureScenario.DAY.equals(r.getAs("capture_date"))).toList(),
                TableWriter.read(spark, Table.EVENTS, Locations.normalize(alone)).orderBy("event_id").collectAsList());
    }

    @Test
    void reRunningADateGivesTheSameRows() {
        List<Row> before = sortedRows(Table.EVENTS, "event_id");
        List<Row> quarantineBefore = sortedRows(Table.QUARANTINE, "source_file", "raw_line");
        NormalizeSummary again = NormalizeJob.run(spark, new NormalizeJob.Config(raw, warehouse, CaptureScenario.DAY, 3));
        assertEquals(day, again);
        assertEquals(before, sortedRows(Table.EVENTS, "event_id"));
        assertEquals(quarantineBefore, sortedRows(Table.QUARANTINE, "source_file", "raw_line"));
    }

    @Test
    void runsOfTheSameDateWriteEachEventsFileInTheSameOrder() throws IOException {
        Map<String, List<String>> first = eventIdsByFile(normalizeInto("warehouse-order-1"));
        Map<String, List<String>> second = eventIdsByFile(normalizeInto("warehouse-order-2"));
        assertEquals(CaptureScenario.DAY_EVENT_ROWS, first.values().stream().mapToLong(List::size).sum());
        assertEquals(first, second);
    }

    private static Path normalizeInto(String folder) {
        Path target = root.resolve(folder);
        NormalizeJob.run(spark, new NormalizeJob.Config(raw, target.toString(), CaptureScenario.DAY, 3));
        return target;
    }

    /**
     * The event ids of each live data file of the events table in the order they are stored, by partition
     * folder and the Spark partition's number that starts the file's name.
     */
    private static Map<String, List<String>> eventIdsByFile(Path warehouse) {
        Map<String, List<String>> ids = new TreeMap<>();
        String table = WarehouseCatalog.tableName(spark, warehouse.toString(), Table.EVENTS);
        for (Row row : spark.sql("SELECT file_path FROM " + table + ".files").collectAsList()) {
            Path file = Path.of(java.net.URI.create(row.getString(0)));
            String task = file.getFileName().toString().substring(0, "00000".length());
            ids.put(file.getParent().getParent().getFileName() + "/" + file.getParent().getFileName() + "/" + task,
                    spark.read().parquet(file.toString()).select("event_id").as(Encoders.STRING()).collectAsList());
        }
        return ids;
    }

    private static List<Row> sortedRows(Table table, String... key) {
        return table(table).orderBy(Arrays.stream(key).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList();
    }

}
