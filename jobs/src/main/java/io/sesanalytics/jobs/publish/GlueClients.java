package io.sesanalytics.jobs.publish;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

import java.net.URI;
import java.time.Duration;

/** Builds the Glue client: the JDK's HTTP client, the default region and credentials, patient retries. */
public final class GlueClients {
    /** Attempts per call; the SDK's standard strategy retries throttling and 5xx with jittered backoff. */
    public static final int MAX_ATTEMPTS = 8;

    private GlueClients() {
    }

    /**
     * @param region   null for the default region chain (AWS_REGION, profile, instance metadata)
     * @param endpoint null for the region's Glue endpoint
     */
    public static GlueClient create(String region, URI endpoint) {
        return create(region, endpoint, DefaultCredentialsProvider.builder().build(), Duration.ofMillis(100));
    }

    static GlueClient create(String region, URI endpoint, AwsCredentialsProvider credentials, Duration baseDelay) {
        GlueClientBuilder builder = GlueClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(BackoffStrategy.exponentialDelay(baseDelay, Duration.ofSeconds(20)))
                                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                        baseDelay.multipliedBy(5), Duration.ofSeconds(20)))
                                .build())
                        .build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
