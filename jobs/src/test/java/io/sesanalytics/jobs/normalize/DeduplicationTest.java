package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.col;

class DeduplicationTest {
    private static final LocalDate D1 = LocalDate.parse("2026-11-23");
    private static final LocalDate D2 = LocalDate.parse("2026-11-24");
    private static final StructType LINES = new StructType()
            .add("line_id", DataTypes.LongType)
            .add("capture_date", DataTypes.DateType)
            .add("source_file", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("sns_message_id", DataTypes.StringType)
            .add("record_key", DataTypes.StringType)
            .add("format_rank", DataTypes.IntegerType);
    private static final StructType OUTCOMES = new StructType()
            .add("line_id", DataTypes.LongType)
            .add("outcome", DataTypes.StringType, false)
            .add("duplicate_cause", DataTypes.StringType);

    @Test
    void theFirstCopyWinsByCaptureDateThenFormat() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> lines = spark.createDataFrame(List.of(
                // k1: stored on D2, retried on D2 (same SNS message), and already stored on D1.
                RowFactory.create(1L, D2, "f2", "event", "sns-1", "k1", 0),
                RowFactory.create(2L, D2, "f3", "event", "sns-1", "k1", 0),
                RowFactory.create(3L, D1, "f1", "event", "sns-1", "k1", 0),
                // k2: an identity notification and the same event published through a configuration set.
                RowFactory.create(4L, D2, "f2", "event", "sns-2", "k2", 1),
                RowFactory.create(5L, D2, "f3", "event", "sns-3", "k2", 0),
                // k3: raw delivery (no SNS id), stored twice.
                RowFactory.create(6L, D2, "f2", "event", null, "k3", 0),
                RowFactory.create(7L, D2, "f2", "event", null, "k3", 0),
                // Quarantined lines are never duplicates of each other.
                RowFactory.create(8L, D2, "f2", "quarantine", null, null, null),
                RowFactory.create(9L, D2, "f2", "quarantine", null, null, null),
                RowFactory.create(10L, D2, "f2", "received", "sns-4", "k4", 0)), LINES);

        Dataset<Row> expected = spark.createDataFrame(List.of(
                RowFactory.create(1L, "duplicate", "same_sns_message"),
                RowFactory.create(2L, "duplicate", "same_sns_message"),
                RowFactory.create(3L, "written", null),
                RowFactory.create(4L, "duplicate", "same_ses_event"),
                RowFactory.create(5L, "written", null),
                RowFactory.create(6L, "written", null),
                RowFactory.create(7L, "duplicate", "same_sns_message"),
                RowFactory.create(8L, "quarantined", null),
                RowFactory.create(9L, "quarantined", null),
                RowFactory.create(10L, "written", null)), OUTCOMES);

        Dataset<Row> actual = Deduplication.resolve(lines)
                .select("line_id", "outcome", "duplicate_cause").orderBy(col("line_id"));
        SparkTestSession.assertDataFrameEquals(expected, actual);
    }
}
