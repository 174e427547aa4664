package io.sesanalytics.jobs.normalize;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Decides the outcome of every parsed line: {@code written}, {@code duplicate} or {@code quarantined}.
 *
 * <p>Lines with the same record key are copies of one SES event (or received message): the same SNS
 * message stored twice, one event that came both as an identity notification and through event
 * publishing, or one received message notified by two receipt actions (an S3 and an SNS action of one
 * rule). The first copy wins, in the order capture date, event publishing before identity notification
 * (a receipt naming its S3 object before one that does not), object, SNS MessageId, line. Because the
 * earliest capture date wins, a run sees the same winner as the run of the earlier date that already wrote it,
 * and counts its own copy as a duplicate.
 */
public final class Deduplication {
    public static final String WRITTEN = "written";
    public static final String DUPLICATE = "duplicate";
    public static final String QUARANTINED = "quarantined";

    /** Duplicate causes, for the run summary. */
    public static final String SAME_SNS_MESSAGE = "same_sns_message";
    public static final String SAME_SES_EVENT = "same_ses_event";
    /** Another notification of a received message, e.g. from a second receipt action of the rule. */
    public static final String SAME_RECEIVED_MESSAGE = "same_received_message";

    private Deduplication() {
    }

    /** Adds {@code outcome} and {@code duplicate_cause} (null unless a duplicate) to parsed lines. */
    public static Dataset<Row> resolve(Dataset<Row> parsedLines) {
        return resolve(parsedLines, duplicates(parsedLines, null));
    }

    /**
     * The lines that are copies, as {@code duplicate_line_id} and {@code duplicate_cause}: a small share of
     * the lines. Only the narrow identity columns are shuffled to rank the copies.
     *
     * @param earlierKeys {@link RecordKeys} of lines captured before, which win over these; null for none
     */
    public static Dataset<Row> duplicates(Dataset<Row> parsedLines, Dataset<Row> earlierKeys) {
        WindowSpec copies = Window.partitionBy(col("record_key"))
                .orderBy(col("capture_date"), col("format_rank"), col("source_file"),
                        col("sns_message_id").asc_nulls_last(), col("line_id"));
        Dataset<Row> keys = identities(parsedLines);
        if (earlierKeys != null) {
            // Lines of earlier capture dates rank first and are never reported: they were counted then.
            keys = keys.unionByName(earlierKeys.withColumn("line_id", lit(-1L)));
        }
        return keys
                .withColumn("copy_rank", row_number().over(copies))
                .withColumn("winner_sns_message_id", first(col("sns_message_id")).over(copies))
                .filter(col("copy_rank").gt(1).and(col("line_id").geq(0)))
                .select(col("line_id").as("duplicate_line_id"),
                        when(col("sns_message_id").eqNullSafe(col("winner_sns_message_id")), lit(SAME_SNS_MESSAGE))
                                .otherwise(lit(SAME_SES_EVENT)).as("duplicate_cause"));
    }

    /**
     * What ranks the copies of the lines that are not quarantined: {@code line_id} and the columns of
     * {@link io.sesanalytics.jobs.common.Schemas#RECORD_KEY}.
     */
    static Dataset<Row> identities(Dataset<Row> parsedLines) {
        return parsedLines
                .filter(col("status").notEqual(SesLineParser.QUARANTINE))
                .select(col("line_id"), col("record_key"), col("format_rank"), col("source_file"),
                        col("sns_message_id"), col("capture_date"));
    }

    /**
     * Adds {@code outcome} and {@code duplicate_cause} given the {@link #duplicates} of the same lines. The
     * duplicates are broadcast, so the wide parsed rows are never shuffled.
     */
    public static Dataset<Row> resolve(Dataset<Row> parsedLines, Dataset<Row> duplicates) {
        return parsedLines
                .join(broadcast(duplicates), col("line_id").equalTo(col("duplicate_line_id")), "left_outer")
                .withColumn("outcome", when(col("status").equalTo(SesLineParser.QUARANTINE), lit(QUARANTINED))
                        .when(col("duplicate_line_id").isNotNull(), lit(DUPLICATE))
                        .otherwise(lit(WRITTEN)))
                .withColumn("duplicate_cause", when(col("status").equalTo(SesLineParser.RECEIVED)
                                .and(col("duplicate_cause").equalTo(SAME_SES_EVENT)), lit(SAME_RECEIVED_MESSAGE))
                        .otherwise(col("duplicate_cause")))
                .drop("duplicate_line_id");
    }
}
