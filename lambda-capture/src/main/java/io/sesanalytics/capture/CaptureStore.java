package io.sesanalytics.capture;

import java.io.IOException;

/** Where capture objects are written: S3 in the Lambda, a folder for local runs. */
public interface CaptureStore {
    /** Writes one whole object. Throws when the object was not stored. */
    void put(String key, byte[] gzipNdjson) throws IOException;

    /** A human-readable location of a key, for logs. */
    String describe(String key);
}
