package io.sesanalytics.bench;

import io.sesanalytics.capture.CaptureConfig;
import io.sesanalytics.capture.CaptureHandler;
import io.sesanalytics.capture.LambdaEvents;
import io.sesanalytics.capture.S3CaptureStore;
import io.sesanalytics.capture.SnsUrlPolicy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * One cold invocation: builds the handler as Lambda's init phase does (its S3 client included) and
 * stores one SNS event; prints the milliseconds from JVM start to the answer.
 */
public final class LambdaColdStart {
    public static void main(String[] args) throws Exception {
        S3Client s3 = S3Client.builder().endpointOverride(URI.create(args[0])).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local-access", "local-secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        CaptureHandler handler = new CaptureHandler(new CaptureConfig(args[1], "raw", Set.of()),
                new S3CaptureStore(s3, args[1]), SnsUrlPolicy.snsEndpointsOnly(), Clock.systemUTC());
        byte[] event = LambdaEvents.snsEvent(List.of(LambdaEvents.ses("event/send.json")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        long fromJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(fromJvmStart);
    }
}
