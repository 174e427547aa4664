package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RowBuilder;
import io.sesanalytics.jobs.common.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exports of addresses that need care: those SES cannot import, listed in the rejects file, and lists
 * longer than one import file.
 */
class SuppressionExportsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    private static Dataset<Row> suppressed(List<String> addresses) {
        List<Row> rows = new ArrayList<>();
        for (String address : addresses) {
            rows.add(new RowBuilder(Schemas.SUPPRESSION).set("address", address).set("status", SuppressionStatus.SUPPRESSED.name())
                    .set("reason", SuppressionReason.BOUNCE.name())
                    .set("suppression_trigger", SuppressionTrigger.PERMANENT_BOUNCE.name())
                    .set("recent_transient_bounces", List.of()).set("sending_domains", List.of("example.com"))
                    .set("state_date", DAY).build());
        }
        return SparkTestSession.get().createDataFrame(rows, Schemas.SUPPRESSION);
    }

    private static Dataset<Row> noChanges() {
        return SparkTestSession.get().createDataFrame(List.of(), Schemas.SUPPRESSION_CHANGE);
    }

    @Test
    void anAddressSesCannotImportIsListedInTheRejectsFileWithWhy(@TempDir Path dir) throws IOException {
        SparkSession spark = SparkTestSession.get();
        String warehouse = Locations.normalize(dir.toString());

        Map<String, Long> written = SuppressionExports.write(spark, suppressed(List.of("\"a,b\"@example.org",
                "=x,y@example.org", "line\nbreak@example.org", "plain@example.org")), noChanges(), warehouse, DAY);

        Path folder = dir.resolve("exports/suppression/dt=" + DAY);
        assertEquals(List.of("plain@example.org,BOUNCE"), Files.readAllLines(folder.resolve("ses-import.csv")));
        assertEquals("""
                address,reason,why_left_out
                \"""a,b""@example.org",BOUNCE,comma in the address; double quote in the address
                "'=x,y@example.org",BOUNCE,comma in the address
                "line
                break@example.org",BOUNCE,line break in the address
                """, Files.readString(folder.resolve(SuppressionExports.SES_IMPORT_REJECTS)));
        List<String> full = Files.readAllLines(folder.resolve("suppression.csv"));
        assertTrue(full.get(1).startsWith("\"\"\"a,b\"\"@example.org\",BOUNCE,"), full.get(1));
        assertEquals(4L, written.get("suppression.csv"));
        assertEquals(1L, written.get("ses-import.csv"));
        assertEquals(3L, written.get(SuppressionExports.SES_IMPORT_REJECTS));
    }

    @Test
    void aReRunWithEveryAddressImportableLeavesNoRejectsFileBehind(@TempDir Path dir) throws IOException {
        SparkSession spark = SparkTestSession.get();
        String warehouse = Locations.normalize(dir.toString());
        Path rejects = dir.resolve("exports/suppression/dt=" + DAY).resolve(SuppressionExports.SES_IMPORT_REJECTS);
        SuppressionExports.write(spark, suppressed(List.of("a,b@example.org", "plain@example.org")), noChanges(),
                warehouse, DAY);
        assertTrue(Files.exists(rejects));

        Map<String, Long> again = SuppressionExports.write(spark, suppressed(List.of("plain@example.org")), noChanges(),
                warehouse, DAY);

        assertFalse(Files.exists(rejects));
        assertFalse(again.containsKey(SuppressionExports.SES_IMPORT_REJECTS), again.toString());
        assertEquals(List.of("plain@example.org,BOUNCE"),
                Files.readAllLines(dir.resolve("exports/suppression/dt=" + DAY + "/ses-import.csv")));
    }

    @Test
    void onlyALineThatReadsBackAsTheAddressAndReasonWithoutQuotingGoesToSes() {
        assertNull(SuppressionExports.whyLeftOut("plain@example.org", "BOUNCE"));
        assertNull(SuppressionExports.whyLeftOut("=cmd|calc@example.org", "COMPLAINT"));
        assertNull(SuppressionExports.whyLeftOut("jörg@bücher.example", "COMPLAINT"));
        assertNull(SuppressionExports.whyLeftOut("o'brien+news@example.org", "BOUNCE"));
        assertEquals("comma in the address", SuppressionExports.whyLeftOut("a,b@example.org", "BOUNCE"));
        assertEquals("double quote in the address", SuppressionExports.whyLeftOut("\"ab\"@example.org", "BOUNCE"));
        assertEquals("line break in the address", SuppressionExports.whyLeftOut("a\r@example.org", "BOUNCE"));
        assertEquals("control character in the address", SuppressionExports.whyLeftOut("a\u0000b@example.org", "BOUNCE"));
        assertEquals("control character in the address; white space at an end of the address",
                SuppressionExports.whyLeftOut("a@example.org\t", "BOUNCE"));
        assertEquals("white space at an end of the address", SuppressionExports.whyLeftOut(" a@example.org", "BOUNCE"));
        assertEquals("empty address", SuppressionExports.whyLeftOut("", "BOUNCE"));
        assertEquals("empty address; reason is not BOUNCE or COMPLAINT", SuppressionExports.whyLeftOut(null, null));
        assertEquals("reason is not BOUNCE or COMPLAINT", SuppressionExports.whyLeftOut("a@example.org", "bounce"));
    }

    @Test
    void aLongListContinuesInMoreImportFilesAndAShorterReRunLeavesNoneBehind(@TempDir Path dir) throws IOException {
        SparkSession spark = SparkTestSession.get();
        String warehouse = Locations.normalize(dir.toString());
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= SuppressionExports.SES_IMPORT_MAX_ADDRESSES; i++) {
            many.add(String.format("user%06d@example.org", i));
        }
        Path folder = dir.resolve("exports/suppression/dt=" + DAY);

        Map<String, Long> first = SuppressionExports.write(spark, suppressed(many), noChanges(), warehouse, DAY);

        assertEquals(100_000L, first.get("ses-import.csv"));
        assertEquals(1L, first.get("ses-import-2.csv"));
        assertEquals(100_000, Files.readAllLines(folder.resolve("ses-import.csv")).size());
        assertEquals(List.of("user100000@example.org,BOUNCE"), Files.readAllLines(folder.resolve("ses-import-2.csv")));

        SuppressionExports.write(spark, suppressed(many.subList(0, 2)), noChanges(), warehouse, DAY);

        assertEquals(2, Files.readAllLines(folder.resolve("ses-import.csv")).size());
        assertFalse(Files.exists(folder.resolve("ses-import-2.csv")));
    }
}
