package io.sesanalytics.raw;

/**
 * One line of a raw capture object, with the kind the Lambda recognised.
 *
 * @param kind     what the line is, for the log
 * @param json     the line itself, a single JSON object without a line break
 * @param sourceId the id of the input record it came from (SQS message id, SNS message id), for failure reporting
 */
public record CapturedLine(CaptureKind kind, String json, String sourceId) {
}
