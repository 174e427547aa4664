package io.sesanalytics.jobs.alert;

import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * CloudWatch metrics of a stat date, per sender domain (dimension {@value #SENDER_DOMAIN}) and per configuration
 * set (dimension {@value #CONFIGURATION_SET}), in namespace {@value #NAMESPACE}, timestamped at the date's start
 * (UTC):
 * <ul>
 *   <li>{@value #BOUNCE_RATE}: the rolling window's bounce rate, a ratio (0.05 = 5 %), as SES's
 *   Reputation.BounceRate;</li>
 *   <li>{@value #COMPLAINT_RATE}: the rolling window's complaint rate, a ratio;</li>
 *   <li>{@value #VOLUME}: the day's messages the rates count (rate_basis), a count.</li>
 * </ul>
 * Mail sent without a configuration set has the value {@value #NONE}.
 */
public final class ReputationMetrics {
    public static final String NAMESPACE = "SesAnalytics";
    public static final String SENDER_DOMAIN = "SenderDomain";
    public static final String CONFIGURATION_SET = "ConfigurationSet";
    public static final String BOUNCE_RATE = "BounceRate";
    public static final String COMPLAINT_RATE = "ComplaintRate";
    public static final String VOLUME = "Volume";
    public static final String NONE = "(none)";

    private ReputationMetrics() {
    }

    public static List<MetricDatum> of(SparkSession spark, String warehouse, LocalDate date) {
        List<MetricDatum> data = new ArrayList<>();
        data.addAll(of(spark, warehouse, date, Table.DOMAIN_DAILY_STATS, "source_domain", SENDER_DOMAIN));
        data.addAll(of(spark, warehouse, date, Table.CONFIGURATION_SET_DAILY_STATS, "configuration_set", CONFIGURATION_SET));
        return data;
    }

    private static List<MetricDatum> of(SparkSession spark, String warehouse, LocalDate date, Table table,
                                        String keyColumn, String dimension) {
        List<MetricDatum> data = new ArrayList<>();
        if (!TableWriter.exists(spark, table, warehouse)) {
            return data;
        }
        Instant at = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Row row : TableWriter.read(spark, table, warehouse).filter(col("stat_date").equalTo(lit(date)))
                .select(col(keyColumn), col("window_bounce_rate"), col("window_complaint_rate"), col("rate_basis"))
                .orderBy(keyColumn).collectAsList()) {
            String key = row.isNullAt(0) || row.getString(0).isEmpty() ? NONE : row.getString(0);
            Dimension by = Dimension.builder().name(dimension).value(key).build();
            if (!row.isNullAt(1)) {
                data.add(datum(BOUNCE_RATE, by, at, row.getDouble(1), StandardUnit.NONE));
            }
            if (!row.isNullAt(2)) {
                data.add(datum(COMPLAINT_RATE, by, at, row.getDouble(2), StandardUnit.NONE));
            }
            data.add(datum(VOLUME, by, at, row.isNullAt(3) ? 0 : row.getLong(3), StandardUnit.COUNT));
        }
        return data;
    }

    private static MetricDatum datum(String name, Dimension dimension, Instant at, double value, StandardUnit unit) {
        return MetricDatum.builder().metricName(name).dimensions(dimension).timestamp(at).value(value).unit(unit).build();
    }
}
