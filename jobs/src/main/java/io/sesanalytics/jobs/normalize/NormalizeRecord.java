package io.sesanalytics.jobs.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.sesanalytics.jobs.common.RunSummaries;
import org.apache.spark.sql.SparkSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Which raw objects the last successful normalize of a capture date read, kept in the date's run summary
 * ({@value #SECTION}). A date whose record is missing (never normalized, or its run failed) or differs from its
 * raw folder now (objects added later) needs normalizing again.
 */
public final class NormalizeRecord {
    static final String SECTION = "normalized_objects";

    private NormalizeRecord() {
    }

    /** Called when a run starts: until it succeeds, the date counts as not normalized. */
    public static void forget(SparkSession spark, String warehouse, LocalDate captureDate) {
        RunSummaries.removeSections(spark, warehouse, captureDate, List.of(SECTION, "normalize"));
    }

    static void remember(SparkSession spark, String warehouse, LocalDate captureDate, List<RawCaptures.RawObject> objects) {
        RunSummaries.putSection(spark, warehouse, captureDate, SECTION,
                Map.of("objects", objects.size(), "digest", digest(objects)));
    }

    /** Whether the date's last normalize succeeded and read exactly the objects its raw folder holds now. */
    public static boolean isCurrent(SparkSession spark, String raw, String warehouse, LocalDate captureDate) {
        JsonNode record = RunSummaries.read(spark, warehouse, captureDate).path(SECTION);
        return record.isObject()
                && record.path("digest").asText().equals(digest(RawCaptures.list(spark, raw, List.of(captureDate))));
    }

    /** A digest of the objects' names: any object added, removed or renamed changes it. */
    private static String digest(List<RawCaptures.RawObject> objects) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RawCaptures.RawObject object : objects) {
                String location = object.location();
                sha.update(location.substring(location.lastIndexOf('/') + 1).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
