package io.sesanalytics.jobs.alert;

import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The keys alerting on a date, read from the daily stats tables, whose window statuses the aggregate job set
 * with SES's thresholds and its minimum-volume guard (a key below it is LOW_VOLUME, never alerting).
 */
public final class ReputationAlerts {
    /** A stats table, its key column and what the key is, in words. */
    record Stats(Table table, String keyColumn, String dimension) {
    }

    static final List<Stats> STATS = List.of(
            new Stats(Table.SENDER_DAILY_STATS, "source_address", "sender"),
            new Stats(Table.DOMAIN_DAILY_STATS, "source_domain", "sender domain"),
            new Stats(Table.CONFIGURATION_SET_DAILY_STATS, "configuration_set", "configuration set"),
            new Stats(Table.MAILBOX_PROVIDER_DAILY_STATS, "mailbox_provider", "mailbox provider"));

    private ReputationAlerts() {
    }

    /** Every key alerting on the date, by table, then key; each marked as entered when it was not alerting the day before. */
    public static List<ReputationAlert> of(SparkSession spark, String warehouse, LocalDate date) {
        List<ReputationAlert> alerts = new ArrayList<>();
        for (Stats stats : STATS) {
            if (!TableWriter.exists(spark, stats.table(), warehouse)) {
                continue;
            }
            List<Row> rows = TableWriter.read(spark, stats.table(), warehouse)
                    .filter(col("stat_date").isin(date.minusDays(1), date))
                    .select(col(stats.keyColumn()), col("stat_date"), col("window_bounce_status"),
                            col("window_complaint_status"), col("window_bounce_rate"), col("window_complaint_rate"),
                            col("window_rate_basis"), col("window_days"))
                    .orderBy(stats.keyColumn())
                    .collectAsList();
            Set<String> alertingBefore = new HashSet<>();
            for (Row row : rows) {
                if (((LocalDate) row.getAs(1)).isBefore(date) && (ReputationAlert.alarming(row.getString(2))
                        || ReputationAlert.alarming(row.getString(3)))) {
                    alertingBefore.add(row.getString(0));
                }
            }
            for (Row row : rows) {
                if (date.equals(row.getAs(1)) && (ReputationAlert.alarming(row.getString(2))
                        || ReputationAlert.alarming(row.getString(3)))) {
                    alerts.add(new ReputationAlert(stats.dimension(), row.getString(0), row.getString(2), row.getString(3),
                            row.isNullAt(4) ? null : row.getDouble(4), row.isNullAt(5) ? null : row.getDouble(5),
                            row.isNullAt(6) ? 0 : row.getLong(6), row.isNullAt(7) ? 0 : row.getInt(7),
                            !alertingBefore.contains(row.getString(0))));
                }
            }
        }
        return alerts;
    }
}
