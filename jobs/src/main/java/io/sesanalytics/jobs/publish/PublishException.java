package io.sesanalytics.jobs.publish;

/** The catalog refused a request; the tables' data is written and stays where it is. */
public final class PublishException extends RuntimeException {
    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
