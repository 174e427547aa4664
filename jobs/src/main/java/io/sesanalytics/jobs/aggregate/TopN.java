package io.sesanalytics.jobs.aggregate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/** Ranks keys by distinct messages within each direction and window; ties go to the smaller key. */
public final class TopN {
    private TopN() {
    }

    /** Columns in: direction, window_days, the key column, messages. Out: the same plus rank, at most n per group. */
    public static Dataset<Row> rank(Dataset<Row> counts, String keyColumn, int n) {
        return counts
                .withColumn("rank", row_number().over(Window.partitionBy("direction", "window_days")
                        .orderBy(col("messages").desc(), col(keyColumn).asc())))
                .filter(col("rank").leq(n));
    }
}
