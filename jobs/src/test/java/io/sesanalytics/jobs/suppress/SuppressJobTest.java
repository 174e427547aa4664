package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.EventRowsFixture;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nights of events through the suppress job, then a night two weeks later with no capture run in
 * between: the tables, the history and the three CSV exports, checked row by row.
 */
class SuppressJobTest {
    private static final String SENDER = "news@shop.example.com";
    @TempDir
    static Path dir;
    private static String warehouse;
    private static SparkSession spark;

    @BeforeAll
    static void threeNightsAndALateOne() {
        spark = SparkTestSession.get();
        warehouse = Locations.normalize(dir.resolve("warehouse").toString());
        EventRowsFixture events = new EventRowsFixture();
        events.add("bounce", "2026-11-01T08:00:00Z", SENDER, "hard@example.org").bounce("Permanent", "smtp; 550 5.1.1 user unknown");
        events.add("complaint", "2026-11-01T09:00:00Z", SENDER, "angry@example.org");
        events.add("complaint", "2026-11-01T09:30:00Z", "ops@other.example.net", "=cmd|calc@example.org");
        events.add("bounce", "2026-11-01T10:00:00Z", SENDER, "soft@example.org").bounce("Transient", "smtp; 452 4.2.2 mailbox full");
        events.add("delivery", "2026-11-01T11:00:00Z", SENDER, "happy@example.org");
        events.add("bounce", "2026-11-02T10:00:00Z", SENDER, "soft@example.org").bounce("Transient", "smtp; 452 4.2.2 mailbox full");
        events.add("delivery", "2026-11-02T12:00:00Z", SENDER, "angry@example.org");
        // A late transient bounce of 11-02, captured on 11-03, counts on the night it arrives.
        events.add("bounce", "2026-11-02T23:00:00Z", "ops@other.example.net", "soft@example.org")
                .bounce("Transient", "smtp; 421 4.4.2 timeout").captured("2026-11-03");
        events.add("send", "2026-11-03T10:00:00Z", SENDER, "soft@example.org");
        TableWriter.overwritePartitions(events.frame(), Table.EVENTS, warehouse);
        for (String night : List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-17")) {
            run(night);
        }
    }

    private static SuppressJob.SuppressSummary run(String night) {
        return SuppressJob.run(spark, new SuppressJob.Config(warehouse, LocalDate.parse(night),
                SuppressionRules.Settings.defaults()));
    }

    private static Row state(String night, String address) {
        return TableWriter.read(spark, Table.SUPPRESSION, warehouse)
                .filter(col("state_date").equalTo(lit(LocalDate.parse(night))).and(col("address").equalTo(address)))
                .first();
    }

    @Test
    void hardBouncesAndComplaintsSuppressAtOnceAndDeliveriesAloneAreNotTracked() {
        Row hard = state("2026-11-01", "hard@example.org");
        assertEquals("SUPPRESSED", hard.getAs("status"));
        assertEquals("BOUNCE", hard.getAs("reason"));
        assertEquals("smtp; 550 5.1.1 user unknown", hard.getAs("last_diagnostic_code"));
        assertEquals("COMPLAINT", state("2026-11-01", "angry@example.org").getAs("reason"));
        assertEquals("WATCHING", state("2026-11-01", "soft@example.org").getAs("status"));
        assertEquals(0, TableWriter.read(spark, Table.SUPPRESSION, warehouse)
                .filter(col("address").equalTo("happy@example.org")).count());
    }

    @Test
    void aLaterDeliveryDoesNotLiftAComplaint() {
        Row angry = state("2026-11-02", "angry@example.org");
        assertEquals("SUPPRESSED", angry.getAs("status"));
        assertEquals("COMPLAINT", angry.getAs("reason"));
        assertEquals(1L, angry.<Long>getAs("deliveries_after_suppression"));
    }

    @Test
    void threeTransientBouncesInAWeekSuppressAndExpireTwoWeeksLater() {
        Row soft = state("2026-11-03", "soft@example.org");
        assertEquals("SUPPRESSED", soft.getAs("status"));
        assertEquals("TRANSIENT_BOUNCES", soft.getAs("suppression_trigger"));
        assertEquals(LocalDate.parse("2026-11-17"), soft.getAs("expires_on"));
        assertEquals(List.of("other.example.net", "shop.example.com"), soft.getList(soft.fieldIndex("sending_domains")));
        Row released = state("2026-11-17", "soft@example.org");
        assertEquals("RELEASED", released.getAs("status"));
        assertEquals(LocalDate.parse("2026-11-17"), released.getAs("released_on"));
    }

    @Test
    void historyAnswersWhyAnAddressIsSuppressed() {
        List<String> why = TableWriter.read(spark, Table.SUPPRESSION_HISTORY, warehouse)
                .filter(col("address").equalTo("soft@example.org")).orderBy("change_date")
                .select("change_date", "change", "reason", "detail").collectAsList().stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + ": " + r.get(3)).toList();
        assertEquals(List.of(
                "2026-11-03 added BOUNCE: 3 transient bounces in 7 days",
                "2026-11-17 released BOUNCE: no transient bounce since 2026-11-03"), why);
    }

    @Test
    void exportsAreSortedUniqueAndSafeInASpreadsheet() throws IOException {
        Path folder = dir.resolve("warehouse/exports/suppression/dt=2026-11-17");
        assertEquals(List.of("=cmd|calc@example.org,COMPLAINT", "angry@example.org,COMPLAINT",
                "hard@example.org,BOUNCE"), Files.readAllLines(folder.resolve("ses-import.csv")));
        List<String> full = Files.readAllLines(folder.resolve("suppression.csv"));
        assertEquals(String.join(",", SuppressionExports.FULL_COLUMNS), full.get(0));
        assertEquals(4, full.size());
        assertTrue(full.get(1).startsWith("'=cmd|calc@example.org,COMPLAINT,COMPLAINT,2026-11-01,,"), full.get(1));
        assertTrue(full.get(3).startsWith("hard@example.org,BOUNCE,PERMANENT_BOUNCE,2026-11-01,,"), full.get(3));
        assertTrue(full.get(3).endsWith(",smtp; 550 5.1.1 user unknown,shop.example.com"), full.get(3));
        assertEquals(List.of("address,change,reason,suppression_trigger,detail",
                        "soft@example.org,released,BOUNCE,TRANSIENT_BOUNCES,no transient bounce since 2026-11-03"),
                Files.readAllLines(folder.resolve("delta.csv")));
        assertEquals(List.of("address,change,reason,suppression_trigger,detail",
                        "soft@example.org,added,BOUNCE,TRANSIENT_BOUNCES,3 transient bounces in 7 days"),
                Files.readAllLines(dir.resolve("warehouse/exports/suppression/dt=2026-11-03/delta.csv")));
    }

    @Test
    void reRunningANightGivesTheSameStateAndTheSameFiles() throws IOException {
        Path folder = dir.resolve("warehouse/exports/suppression/dt=2026-11-17");
        byte[] csv = Files.readAllBytes(folder.resolve("suppression.csv"));
        byte[] delta = Files.readAllBytes(folder.resolve("delta.csv"));
        List<Row> before = TableWriter.read(spark, Table.SUPPRESSION, warehouse).orderBy("state_date", "address").collectAsList();

        SuppressJob.SuppressSummary again = run("2026-11-17");

        assertEquals(LocalDate.parse("2026-11-03"), again.previousStateDate());
        assertEquals(Map.of("released", 1L), again.changes());
        assertArrayEquals(csv, Files.readAllBytes(folder.resolve("suppression.csv")));
        assertArrayEquals(delta, Files.readAllBytes(folder.resolve("delta.csv")));
        assertEquals(before, TableWriter.read(spark, Table.SUPPRESSION, warehouse).orderBy("state_date", "address").collectAsList());
        assertFalse(Files.exists(folder.resolve("ses-import-2.csv")));
    }

    @Test
    void anAddressSesCannotImportIsCountedInTheSummaryAndAFixedReRunLeavesNoRejects(@TempDir Path other) throws IOException {
        String otherWarehouse = Locations.normalize(other.resolve("warehouse").toString());
        LocalDate night = LocalDate.parse("2026-11-01");
        SuppressJob.Config config = new SuppressJob.Config(otherWarehouse, night, SuppressionRules.Settings.defaults());
        EventRowsFixture events = new EventRowsFixture();
        events.add("bounce", "2026-11-01T08:00:00Z", SENDER, "hard@example.org").bounce("Permanent", "smtp; 550 5.1.1 user unknown");
        events.add("complaint", "2026-11-01T09:00:00Z", SENDER, "\"last, first\"@example.org");
        TableWriter.overwritePartitions(events.frame(), Table.EVENTS, otherWarehouse);

        SuppressJob.SuppressSummary summary = SuppressJob.run(spark, config);

        assertEquals(1L, summary.sesImportLeftOut());
        assertEquals(1L, summary.exports().get(SuppressionExports.SES_IMPORT_REJECTS));
        assertEquals(1L, RunSummaries.read(spark, otherWarehouse, night).path("suppress").path("sesImportLeftOut").asLong(-1));
        Path folder = other.resolve("warehouse/exports/suppression/dt=2026-11-01");
        assertEquals(List.of("hard@example.org,BOUNCE"), Files.readAllLines(folder.resolve("ses-import.csv")));
        assertEquals(List.of("address,reason,why_left_out",
                        "\"\"\"last, first\"\"@example.org\",COMPLAINT,comma in the address; double quote in the address"),
                Files.readAllLines(folder.resolve(SuppressionExports.SES_IMPORT_REJECTS)));

        // The night's events corrected, say, and the night run again.
        EventRowsFixture corrected = new EventRowsFixture();
        corrected.add("bounce", "2026-11-01T08:00:00Z", SENDER, "hard@example.org").bounce("Permanent", "smtp; 550 5.1.1 user unknown");
        corrected.add("complaint", "2026-11-01T09:00:00Z", SENDER, "last.first@example.org");
        TableWriter.overwritePartitions(corrected.frame(), Table.EVENTS, otherWarehouse);

        SuppressJob.SuppressSummary again = SuppressJob.run(spark, config);

        assertEquals(0L, again.sesImportLeftOut());
        assertEquals(0L, RunSummaries.read(spark, otherWarehouse, night).path("suppress").path("sesImportLeftOut").asLong(-1));
        assertFalse(Files.exists(folder.resolve(SuppressionExports.SES_IMPORT_REJECTS)));
        assertEquals(List.of("hard@example.org,BOUNCE", "last.first@example.org,COMPLAINT"),
                Files.readAllLines(folder.resolve("ses-import.csv")));
    }
}
