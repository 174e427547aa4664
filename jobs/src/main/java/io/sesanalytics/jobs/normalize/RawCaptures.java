package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Storage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads the raw lines of a range of capture dates, with the date taken from the folder name. Folders
 * are named explicitly, so nothing is listed beyond the dates asked for.
 */
public final class RawCaptures {
    private RawCaptures() {
    }

    /** Columns: value (the line), capture_date, source_file. */
    public static Dataset<Row> read(SparkSession spark, String raw, LocalDate from, LocalDate to) {
        Dataset<Row> lines = null;
        for (LocalDate date : datesPresent(spark, raw, from, to)) {
            Dataset<Row> part = spark.read().text(Locations.rawFolder(raw, date))
                    .withColumn("capture_date", lit(date))
                    .withColumn("source_file", input_file_name());
            lines = lines == null ? part : lines.unionByName(part);
        }
        return lines == null ? empty(spark) : lines;
    }

    /** The capture dates that have a raw folder, within the range. */
    public static List<LocalDate> datesPresent(SparkSession spark, String raw, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (Storage.exists(spark, Locations.rawFolder(raw, date))) {
                dates.add(date);
            }
        }
        return dates;
    }

    private static Dataset<Row> empty(SparkSession spark) {
        return spark.sql("SELECT CAST(NULL AS STRING) AS value, CAST(NULL AS DATE) AS capture_date, "
                + "CAST(NULL AS STRING) AS source_file").limit(0);
    }
}
