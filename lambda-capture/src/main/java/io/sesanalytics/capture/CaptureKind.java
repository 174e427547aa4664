package io.sesanalytics.capture;

/** Where a captured line goes: one top-level folder of the raw layout per kind. */
public enum CaptureKind {
    /** SES sending events: identity notifications and configuration-set event publishing. */
    NOTIFICATIONS("notifications"),
    /** SES receipt notifications for received mail. */
    RECEIVED("received"),
    /** Anything that could not be recognised, kept with the reason. */
    UNPARSED("unparsed");

    private final String folder;

    CaptureKind(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
