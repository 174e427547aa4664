package io.sesanalytics.jobs.normalize;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

/**
 * Decides the outcome of every parsed line: {@code written}, {@code duplicate} or {@code quarantined}.
 *
 * <p>Lines with the same record key are copies of one SES event (or received message): the same SNS
 * message stored twice, or one event that came both as an identity notification and through event
 * publishing. The first copy wins, in the order capture date, event publishing before identity
 * notification, object, SNS MessageId, line. Because the earliest capture date wins, a run sees the same
 * winner as the run of the earlier date that already wrote it, and counts its own copy as a duplicate.
 */
public final class Deduplication {
    public static final String WRITTEN = "written";
    public static final String DUPLICATE = "duplicate";
    public static final String QUARANTINED = "quarantined";

    /** Duplicate causes, for the run summary. */
    public static final String SAME_SNS_MESSAGE = "same_sns_message";
    public static final String SAME_SES_EVENT = "same_ses_event";

    private Deduplication() {
    }

    /** Adds {@code outcome} and {@code duplicate_cause} (null unless a duplicate) to parsed lines. */
    public static Dataset<Row> resolve(Dataset<Row> parsedLines) {
        WindowSpec copies = Window.partitionBy(col("record_key"))
                .orderBy(col("capture_date"), col("format_rank"), col("source_file"),
                        col("sns_message_id").asc_nulls_last(), col("line_id"));
        Column quarantined = col("status").equalTo(SesLineParser.QUARANTINE);
        Column rank = row_number().over(copies);
        Column winnerSnsId = first(col("sns_message_id")).over(copies);
        Dataset<Row> ranked = parsedLines
                .withColumn("copy_rank", when(quarantined, lit(1)).otherwise(rank))
                .withColumn("winner_sns_message_id", when(quarantined, lit(null)).otherwise(winnerSnsId));
        return ranked
                .withColumn("outcome", when(quarantined, lit(QUARANTINED))
                        .when(col("copy_rank").equalTo(1), lit(WRITTEN))
                        .otherwise(lit(DUPLICATE)))
                .withColumn("duplicate_cause", when(col("outcome").notEqual(DUPLICATE), lit(null))
                        .when(col("sns_message_id").eqNullSafe(col("winner_sns_message_id")), lit(SAME_SNS_MESSAGE))
                        .otherwise(lit(SAME_SES_EVENT)))
                .drop("copy_rank", "winner_sns_message_id");
    }
}
