package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The identity of every event and received line of a capture date ({@link Schemas#RECORD_KEY}), kept under
 * {@code <warehouse>/_normalize/record_keys/capture_date=D/} by the normalize run of D. The runs of the
 * following dates read these narrow keys to recognise copies captured earlier, instead of parsing the
 * earlier dates' raw lines again, so a night's cost does not grow with the lookback.
 */
public final class RecordKeys {
    private RecordKeys() {
    }

    static String location(String warehouse) {
        return warehouse + "/_normalize/record_keys";
    }

    static String partition(String warehouse, LocalDate date) {
        return location(warehouse) + "/capture_date=" + date;
    }

    /** The keys of the non-quarantined parsed lines of one capture date. */
    static Dataset<Row> of(Dataset<Row> parsedLines, LocalDate captureDate) {
        return Deduplication.identities(parsedLines)
                .filter(col("capture_date").equalTo(lit(captureDate)))
                .drop("line_id");
    }

    static void write(SparkSession spark, Dataset<Row> keys, String warehouse, LocalDate captureDate) {
        // Unsorted: they are read whole, and in the order of their lines they are the same in every run.
        TableWriter.replace(spark, location(warehouse) + "/capture_date=" + captureDate, () -> TableWriter.overwritePartitions(
                keys, List.of("capture_date"), List.of(), TableWriter.Distribution.ONE_TASK_PER_CORE, location(warehouse)));
    }

    /** The capture dates among the given ones whose keys were written. */
    static List<LocalDate> present(SparkSession spark, String warehouse, List<LocalDate> dates) {
        List<LocalDate> present = new ArrayList<>();
        for (LocalDate date : dates) {
            if (Storage.exists(spark, partition(warehouse, date))) {
                present.add(date);
            }
        }
        return present;
    }

    /** The keys of the given capture dates, all of which must be {@link #present}. */
    static Dataset<Row> read(SparkSession spark, String warehouse, List<LocalDate> dates) {
        Dataset<Row> keys = spark.read().schema(Schemas.RECORD_KEY).parquet(location(warehouse));
        return keys.filter(col("capture_date").isin(dates.toArray()));
    }
}
