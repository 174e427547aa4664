package io.sesanalytics.raw;

/** What a captured line is, as the capture Lambda recognised it. All kinds share one object per invocation. */
public enum CaptureKind {
    /** SES sending events: identity notifications and configuration-set event publishing. */
    NOTIFICATIONS,
    /** SES receipt notifications for received mail. */
    RECEIVED,
    /** Anything that could not be recognised, kept with the reason; see {@link UnparsedLine}. */
    UNPARSED
}
