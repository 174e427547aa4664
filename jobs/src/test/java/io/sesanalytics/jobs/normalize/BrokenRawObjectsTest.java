package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A night whose raw folder holds a truncated gzip object and an object that is not gzip completes. */
class BrokenRawObjectsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final List<String> FIRST = List.of("identity/bounce.json", "identity/complaint.json", "event/send.json");
    private static final List<String> SECOND = List.of("event/delivery.json", "event/open.json", "event/click.json");

    @TempDir
    static Path root;

    private static NormalizeSummary summary;
    private static List<Row> quarantine;

    @BeforeAll
    static void normalizeANightWithBrokenObjects() throws IOException {
        Path folder = Files.createDirectories(root.resolve("raw/dt=" + DAY));
        Files.write(folder.resolve("20261124T010000000Z-a.ndjson.gz"), gzip(FIRST));
        byte[] second = gzip(SECOND);
        // Cut inside the last line: the first two stay whole.
        Files.write(folder.resolve("20261124T020000000Z-b.ndjson.gz"), Arrays.copyOf(second, second.length - 60));
        Files.writeString(folder.resolve("20261124T030000000Z-c.ndjson.gz"), "{\"not\": \"gzip\"}\n");
        String warehouse = Locations.normalize(root.resolve("warehouse").toString());
        summary = NormalizeJob.run(SparkTestSession.get(),
                new NormalizeJob.Config(root.resolve("raw").toString(), warehouse, DAY, 3));
        quarantine = TableWriter.read(SparkTestSession.get(), Table.QUARANTINE, warehouse).collectAsList();
    }

    private static byte[] gzip(List<String> fixtures) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (String fixture : fixtures) {
                out.write((CaptureScenario.wrapped(fixture) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void theCompleteLinesAreKeptAndEachBrokenPartIsOneQuarantinedLine() {
        assertEquals(3 + 2 + 1 + 1, summary.rawLines(), summary.accounting());
        assertTrue(summary.balanced(), summary.accounting());
        assertEquals(5, summary.eventRecords(), "the three lines of a and the two whole lines of b");
        assertEquals(Map.of("not_gzip", 1L, "truncated_gzip", 1L), summary.quarantined());
    }

    @Test
    void quarantinedPartsNameTheirObjectAndWhatBroke() {
        Row truncated = quarantine.stream().filter(r -> "truncated_gzip".equals(r.getAs("reason"))).findFirst().orElseThrow();
        assertTrue(truncated.<String>getAs("source_file").endsWith("/dt=2026-11-24/20261124T020000000Z-b.ndjson.gz"));
        assertTrue(truncated.<String>getAs("reason_detail").startsWith("gzip stream broken after 2 complete line(s)"),
                truncated.<String>getAs("reason_detail"));
        Row notGzip = quarantine.stream().filter(r -> "not_gzip".equals(r.getAs("reason"))).findFirst().orElseThrow();
        assertTrue(notGzip.<String>getAs("source_file").endsWith("20261124T030000000Z-c.ndjson.gz"));
        assertEquals("{\"not\": \"gzip\"}\n", notGzip.getAs("raw_line"));
    }

    @Test
    void theAccountingFailsWhenTheOutcomesMissALine() {
        NormalizeSummary missingOne = new NormalizeSummary(DAY, List.of(), summary.rawLines(), summary.eventRecords() - 1,
                summary.receivedRecords(), summary.eventRows(), summary.receivedRows(), summary.receivedDestinationRows(),
                summary.duplicates(), summary.quarantined());
        assertTrue(!missingOne.balanced());
        assertEquals("7 raw lines read; outcomes: 4 events + 0 received + 0 duplicates + 2 quarantined = 6", missingOne.accounting());
    }
}
