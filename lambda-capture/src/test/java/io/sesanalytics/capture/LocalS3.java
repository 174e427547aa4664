package io.sesanalytics.capture;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A real S3-compatible server (S3Proxy, in memory) on a free loopback port, for tests. */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "local-access";
    public static final String SECRET_KEY = "local-secret";

    private final S3Proxy proxy;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static LocalS3 start() {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start");
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy could not start", e);
        }
        return new LocalS3(proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public S3Client client(ExecutionInterceptor... interceptors) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        for (ExecutionInterceptor interceptor : interceptors) {
            builder.overrideConfiguration(c -> c.addExecutionInterceptor(interceptor));
        }
        return builder.build();
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /** Every key in the bucket under a prefix, in key order. */
    public List<String> keys(String bucket, String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).sorted().toList();
        }
    }

    /** The lines of one gzip NDJSON object. */
    public List<String> lines(String bucket, String key) {
        try (S3Client s3 = client();
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(s3.getObject(r -> r.bucket(bucket).key(key))), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
