package io.sesanalytics.jobs.suppress;

/** What put an address on the list; the tables store the name in suppression_trigger. */
public enum SuppressionTrigger {
    /** A complaint: suppressed for good. */
    COMPLAINT(SuppressionReason.COMPLAINT),
    /** A permanent bounce: suppressed for good. */
    PERMANENT_BOUNCE(SuppressionReason.BOUNCE),
    /** Transient bounces that recurred within the window: suppressed until the suppression expires. */
    TRANSIENT_BOUNCES(SuppressionReason.BOUNCE);

    private final SuppressionReason reason;

    SuppressionTrigger(SuppressionReason reason) {
        this.reason = reason;
    }

    /** The SES reason an address suppressed by this trigger is listed under. */
    public SuppressionReason reason() {
        return reason;
    }
}
