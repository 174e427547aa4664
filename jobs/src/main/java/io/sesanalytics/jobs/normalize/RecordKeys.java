package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The identity of every event and received line of a capture date ({@link Table#RECORD_KEYS}), written by the
 * normalize run of that date. The runs of the following dates read these narrow keys to recognise copies
 * captured earlier, instead of parsing the earlier dates' raw lines again, so a night's cost does not grow with
 * the lookback.
 */
public final class RecordKeys {
    private RecordKeys() {
    }

    /** The keys of the non-quarantined parsed lines of one capture date. */
    static Dataset<Row> of(Dataset<Row> parsedLines, LocalDate captureDate) {
        return Deduplication.identities(parsedLines)
                .filter(col("capture_date").equalTo(lit(captureDate)))
                .drop("line_id");
    }

    static void write(SparkSession spark, Dataset<Row> keys, String warehouse, LocalDate captureDate) {
        // Unsorted: they are read whole, and in the order of their lines they are the same in every run.
        TableWriter.replaceCaptureDate(spark, keys, Table.RECORD_KEYS, warehouse, captureDate);
    }

    /** The capture dates among the given ones whose keys were written. */
    static List<LocalDate> present(SparkSession spark, String warehouse, List<LocalDate> dates) {
        List<LocalDate> written = TableWriter.partitionDates(spark, Table.RECORD_KEYS, warehouse, "capture_date");
        return dates.stream().filter(written::contains).toList();
    }

    /** The keys of the given capture dates, all of which must be {@link #present}. */
    static Dataset<Row> read(SparkSession spark, String warehouse, List<LocalDate> dates) {
        return TableWriter.read(spark, Table.RECORD_KEYS, warehouse).filter(col("capture_date").isin(dates.toArray()));
    }
}
