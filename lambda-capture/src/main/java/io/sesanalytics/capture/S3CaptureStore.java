package io.sesanalytics.capture;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.IOException;

/** Stores capture objects in one S3 bucket with a single PUT each. */
public final class S3CaptureStore implements CaptureStore {
    private final S3Client s3;
    private final String bucket;

    public S3CaptureStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] gzipNdjson) throws IOException {
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType("application/x-ndjson")
                .build();
        try {
            s3.putObject(request, RequestBody.fromBytes(gzipNdjson));
        } catch (SdkException e) {
            throw new IOException("PUT " + describe(key) + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe(String key) {
        return "s3://" + bucket + "/" + key;
    }
}
