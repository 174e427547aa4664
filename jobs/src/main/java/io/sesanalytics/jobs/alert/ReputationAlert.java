package io.sesanalytics.jobs.alert;

/**
 * A sender, sender domain, configuration set or mailbox provider whose rolling-window bounce or complaint
 * status is WARNING or AT_RISK on the date.
 *
 * @param dimension    what the key is, in words ("sender domain")
 * @param entered      not alerting on the day before: it entered WARNING or AT_RISK on the date
 * @param windowVolume the messages the window's rates are of (rate_basis over the window)
 */
public record ReputationAlert(String dimension, String key, String bounceStatus, String complaintStatus,
                              Double bounceRate, Double complaintRate, long windowVolume, int windowDays,
                              boolean entered) {
    static boolean alarming(String status) {
        return "WARNING".equals(status) || "AT_RISK".equals(status);
    }

    /** AT_RISK when either status is; otherwise WARNING. */
    public String level() {
        return "AT_RISK".equals(bounceStatus) || "AT_RISK".equals(complaintStatus) ? "AT_RISK" : "WARNING";
    }
}
