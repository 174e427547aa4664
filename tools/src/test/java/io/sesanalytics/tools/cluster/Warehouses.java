package io.sesanalytics.tools.cluster;

import io.sesanalytics.capture.LocalS3;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/** Two warehouses' tables and exports, read so that they can be compared. */
final class Warehouses {
    private Warehouses() {
    }

    /**
     * Every table's rows as sorted JSON lines, with the raw root (which the quarantine keeps in each line's
     * object) replaced by {@code <raw>}.
     */
    static Map<String, List<String>> tableRows(SparkSession spark, String warehouse, String raw) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (Table table : Table.values()) {
            List<String> json = new ArrayList<>(TableWriter.read(spark, table, warehouse)
                    .select(to_json(struct(col("*")))).as(Encoders.STRING()).collectAsList());
            json.replaceAll(line -> line.replace(raw, "<raw>"));
            json.sort(null);
            rows.put(table.tableName(), json);
        }
        return rows;
    }

    /** The export files under {@code <warehouse>/exports} of a local warehouse, by relative path, byte for byte. */
    static Map<String, String> localExports(Path warehouse) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path exports = warehouse.resolve("exports");
        try (Stream<Path> walk = Files.walk(exports)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(exports.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** The same of a warehouse in a bucket, leaving out S3A's folder markers and Hadoop's checksum files. */
    static Map<String, String> s3Exports(LocalS3 s3, String bucket, String warehousePrefix) {
        Map<String, String> files = new TreeMap<>();
        String prefix = warehousePrefix + "/exports/";
        try (S3Client client = s3.client()) {
            for (String key : s3.keys(bucket, prefix)) {
                if (key.endsWith("/")) {
                    continue;
                }
                files.put(key.substring(prefix.length()),
                        client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    static Map<String, String> withoutHadoopSideFiles(Map<String, String> files) {
        Map<String, String> kept = new TreeMap<>(files);
        kept.keySet().removeIf(name -> Arrays.stream(name.split("/")).anyMatch(
                part -> part.endsWith(".crc") || part.equals("_SUCCESS")));
        return kept;
    }
}
