package io.sesanalytics.capture;

/** Thrown to make Lambda retry an invocation whose lines were not all stored. */
public final class CaptureFailedException extends RuntimeException {
    public CaptureFailedException(String message) {
        super(message);
    }
}
