package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.EventRowsFixture;
import io.sesanalytics.jobs.GoldenRows;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small suppression scenario through the suppress job, night by night, against golden files under
 * {@code src/test/resources/golden/suppression}: every column of {@code suppression} and
 * {@code suppression_history}, and every export file byte for byte.
 * <ul>
 *   <li>hard@: a permanent bounce on 11-01, suppressed at once; a delivery on 11-02 counts as one after suppression.</li>
 *   <li>angry@: a complaint on 11-01, suppressed; another from a second sender on 11-03 renews it.</li>
 *   <li>soft@: transient bounces on 11-01, 11-02 and 11-03, watched, then suppressed on the third for 14 days,
 *   released on 11-17 with no bounce since.</li>
 *   <li>watch@: one transient bounce without a diagnostic code on 11-02, watched; by 11-17 it is out of the window.</li>
 *   <li>happy@: deliveries only, never in the state.</li>
 * </ul>
 */
class SuppressionGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/suppression");
    private static final String SHOP = "news@shop.example.com";
    private static final String OTHER = "alerts@other.example.net";
    private static final List<String> NIGHTS = List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-17");

    @TempDir
    static Path dir;
    private static String warehouse;
    private static SparkSession spark;

    @BeforeAll
    static void runEveryNight() {
        spark = SparkTestSession.get();
        warehouse = Locations.normalize(dir.resolve("warehouse").toString());
        EventRowsFixture events = new EventRowsFixture();
        events.add("bounce", "2026-11-01T08:00:00Z", SHOP, "hard@example.org").bounce("Permanent", "smtp; 550 5.1.1 user unknown");
        events.add("complaint", "2026-11-01T09:00:00Z", SHOP, "angry@example.org");
        events.add("bounce", "2026-11-01T10:00:00Z", SHOP, "soft@example.org").bounce("Transient", "smtp; 452 4.2.2 mailbox full");
        events.add("delivery", "2026-11-01T11:00:00Z", SHOP, "happy@example.org");
        events.add("delivery", "2026-11-02T09:00:00Z", SHOP, "hard@example.org");
        events.add("bounce", "2026-11-02T10:00:00Z", SHOP, "soft@example.org").bounce("Transient", "smtp; 452 4.2.2 mailbox full");
        events.add("bounce", "2026-11-02T11:00:00Z", SHOP, "watch@example.org").bounce("Transient", null);
        events.add("delivery", "2026-11-02T12:00:00Z", SHOP, "happy@example.org");
        events.add("complaint", "2026-11-03T09:00:00Z", OTHER, "angry@example.org");
        events.add("bounce", "2026-11-03T10:00:00Z", OTHER, "soft@example.org").bounce("Transient", "smtp; 421 4.4.2 timeout");
        TableWriter.overwritePartitions(events.frame(), Table.EVENTS, warehouse);
        for (String night : NIGHTS) {
            SuppressJob.run(spark, new SuppressJob.Config(warehouse, LocalDate.parse(night),
                    SuppressionRules.Settings.defaults()));
        }
    }

    @Test
    void everyNightsStateIsTheGoldenOne() {
        List<Row> rows = TableWriter.read(spark, Table.SUPPRESSION, warehouse)
                .orderBy("state_date", "address").collectAsList();
        GoldenRows.assertMatches("suppression", GOLDEN.resolve("suppression.json"), rows, Table.SUPPRESSION.schema());
    }

    @Test
    void everyChangeIsTheGoldenOne() {
        List<Row> rows = TableWriter.read(spark, Table.SUPPRESSION_HISTORY, warehouse)
                .orderBy("change_date", "address", "change").collectAsList();
        GoldenRows.assertMatches("suppression_history", GOLDEN.resolve("suppression_history.json"), rows,
                Table.SUPPRESSION_HISTORY.schema());
    }

    @Test
    void everyExportFileIsTheGoldenOneByteForByte() throws IOException {
        Path written = dir.resolve("warehouse/exports/suppression");
        Path golden = GOLDEN.resolve("exports");
        if (GoldenRows.UPDATE) {
            for (Path file : files(written)) {
                Files.createDirectories(golden.resolve(file).getParent());
                Files.copy(written.resolve(file), golden.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertEquals(files(golden), files(written), "export files");
        for (Path file : files(golden)) {
            byte[] expected = Files.readAllBytes(golden.resolve(file));
            byte[] actual = Files.readAllBytes(written.resolve(file));
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                    file.toString());
            assertArrayEquals(expected, actual, file.toString());
        }
    }

    /** The files under the folder, relative to it, without Hadoop's checksum files. */
    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(folder::relativize)
                    .filter(f -> !f.getFileName().toString().endsWith(".crc")).sorted().toList();
        }
    }
}
