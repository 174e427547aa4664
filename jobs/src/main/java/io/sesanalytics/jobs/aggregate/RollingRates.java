package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

/**
 * Adds the daily rates, the rolling-window rates and their statuses to daily counts. Pure: the daily
 * counts of every date the windows reach go in, the stats rows of the target dates come out.
 */
public final class RollingRates {
    private RollingRates() {
    }

    /**
     * @param daily      dimension, key, stat_date and the {@link DailyMetrics#COUNTS} for the target dates and
     *                   the {@code windowDays - 1} days before each
     * @param targets    the dates to produce rows for
     * @return dimension, key, and the other columns of a daily stats table
     */
    public static Dataset<Row> apply(Dataset<Row> daily, List<LocalDate> targets, int windowDays,
                                     ReputationThresholds thresholds) {
        Dataset<Row> withBasis = daily.withColumn("rate_basis",
                when(col("sends").gt(0), col("sends")).otherwise(col("deliveries").plus(col("bounces"))));
        // The window of a date holds the key's days from windowDays - 1 days before it up to the date; days
        // without events have no row and count nothing.
        WindowSpec window = Window.partitionBy(col("dimension"), col("key"))
                .orderBy(unix_date(col("stat_date")))
                .rangeBetween(1L - windowDays, 0L);
        Dataset<Row> windowed = withBasis
                .withColumn("window_rate_basis", sum("rate_basis").over(window))
                .withColumn("window_permanent_bounces", sum("permanent_bounces").over(window))
                .withColumn("window_complaints", sum("complaints").over(window))
                .filter(col("stat_date").isin((Object[]) targets.toArray()));
        Column bounceRate = ReputationThresholds.rate(col("permanent_bounces"), col("rate_basis"));
        Column complaintRate = ReputationThresholds.rate(col("complaints"), col("rate_basis"));
        Column windowBounceRate = ReputationThresholds.rate(col("window_permanent_bounces"), col("window_rate_basis"));
        Column windowComplaintRate = ReputationThresholds.rate(col("window_complaints"), col("window_rate_basis"));
        return windowed
                .withColumn("bounce_rate", bounceRate)
                .withColumn("complaint_rate", complaintRate)
                .withColumn("bounce_status", thresholds.bounceStatus(col("bounce_rate"), col("rate_basis")))
                .withColumn("complaint_status", thresholds.complaintStatus(col("complaint_rate"), col("rate_basis")))
                .withColumn("window_days", lit(windowDays))
                .withColumn("window_bounce_rate", windowBounceRate)
                .withColumn("window_complaint_rate", windowComplaintRate)
                .withColumn("window_bounce_status",
                        thresholds.bounceStatus(col("window_bounce_rate"), col("window_rate_basis")))
                .withColumn("window_complaint_status",
                        thresholds.complaintStatus(col("window_complaint_rate"), col("window_rate_basis")));
    }

    static Dataset<Row> inTableOrder(Dataset<Row> rows, Table table) {
        return rows.select(Arrays.stream(table.schema().fields())
                .map(f -> col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()))
                .toArray(Column[]::new));
    }
}
