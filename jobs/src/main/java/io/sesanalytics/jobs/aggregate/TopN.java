package io.sesanalytics.jobs.aggregate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/** Ranks keys by distinct messages within each ranked column, direction and window; ties go to the smaller key. */
public final class TopN {
    private TopN() {
    }

    /** Columns in: key_column, direction, window_days, key, messages. Out: the same plus rank, at most n per group. */
    public static Dataset<Row> rank(Dataset<Row> counts, int n) {
        return counts
                .withColumn("rank", row_number().over(Window.partitionBy("key_column", "direction", "window_days")
                        .orderBy(col("messages").desc(), col("key").asc())))
                .filter(col("rank").leq(n));
    }
}
