package io.sesanalytics.jobs.suppress;

import java.util.Locale;

/** A change of the suppression list, as the history table and delta.csv name it: in lower case. */
public enum SuppressionChange {
    ADDED,
    RENEWED,
    RELEASED;

    /** The value of the change column. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
