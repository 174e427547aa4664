package io.sesanalytics.jobs.suppress;

/** Where an address stands after a night; the suppression table stores the name. */
public enum SuppressionStatus {
    /** On the list: mail to it should not be sent. */
    SUPPRESSED,
    /** Transient bounces below the threshold: not on the list, but counted. */
    WATCHING,
    /** Suppressed for transient bounces until the suppression expired. */
    RELEASED
}
