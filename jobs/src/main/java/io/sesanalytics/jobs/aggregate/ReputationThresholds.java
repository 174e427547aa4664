package io.sesanalytics.jobs.aggregate;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * SES's bounce and complaint thresholds: bounce rate 5 % puts an account under review (WARNING here) and
 * 10 % risks a sending pause (AT_RISK); complaint rate 0.1 % and 0.5 %. Below {@code minVolume} messages
 * a rate says little, so such rows are LOW_VOLUME rather than alarming.
 */
public record ReputationThresholds(long minVolume) {
    public static final double BOUNCE_WARNING = 0.05;
    public static final double BOUNCE_AT_RISK = 0.10;
    public static final double COMPLAINT_WARNING = 0.001;
    public static final double COMPLAINT_AT_RISK = 0.005;
    public static final long DEFAULT_MIN_VOLUME = 200;

    public ReputationThresholds {
        if (minVolume < 1) {
            throw new IllegalArgumentException("--min-volume must be at least 1, not " + minVolume);
        }
    }

    /** numerator / basis, or null when nothing was sent. */
    public static Column rate(Column numerator, Column basis) {
        return when(basis.gt(0), numerator.cast("double").divide(basis));
    }

    public Column bounceStatus(Column rate, Column basis) {
        return status(rate, basis, BOUNCE_WARNING, BOUNCE_AT_RISK);
    }

    public Column complaintStatus(Column rate, Column basis) {
        return status(rate, basis, COMPLAINT_WARNING, COMPLAINT_AT_RISK);
    }

    private Column status(Column rate, Column basis, double warning, double atRisk) {
        return when(basis.lt(minVolume), lit("LOW_VOLUME"))
                .when(rate.geq(atRisk), lit("AT_RISK"))
                .when(rate.geq(warning), lit("WARNING"))
                .otherwise(lit("OK"));
    }
}
