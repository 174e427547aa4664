package io.sesanalytics.capture;

/** An SNS message that must not be trusted; the message says why, never what the body held. */
public final class SnsVerificationException extends Exception {
    public SnsVerificationException(String message) {
        super(message);
    }
}
