package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RawCapturesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final int OBJECTS = 25;
    private static final int LINES = 3;

    @TempDir
    Path raw;

    @Test
    void manyObjectsAreReadInAFewPartitionsOfNeighboursEveryLineOnceInOrder() throws IOException {
        Path folder = Files.createDirectories(raw.resolve("dt=" + DAY));
        List<String> expected = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o++) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                    folder.resolve(String.format("20261124T%06d000Z-x.ndjson.gz", o))))) {
                for (int l = 0; l < LINES; l++) {
                    String line = "{\"object\":" + o + ",\"line\":" + l + "}";
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    expected.add(((long) o << 32) + l + " " + line);
                }
            }
        }
        SparkSession spark = SparkTestSession.get();
        List<RawCaptures.RawObject> objects = RawCaptures.list(spark, Locations.normalize(raw.toString()), List.of(DAY));

        Dataset<Row> lines = RawCaptures.read(spark, objects);

        assertEquals(RawCaptures.PARTITIONS_PER_CORE * spark.sparkContext().defaultParallelism(),
                lines.rdd().getNumPartitions(), "partitions");
        assertEquals(expected, lines.collectAsList().stream()
                .map(row -> row.getLong(0) + " " + row.getString(1)).toList(), "line ids and lines, in object order");
    }
}
