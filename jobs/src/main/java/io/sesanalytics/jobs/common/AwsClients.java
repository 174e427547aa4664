package io.sesanalytics.jobs.common;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.net.URI;
import java.time.Duration;

/**
 * AWS SDK v2 clients over the JDK's HttpURLConnection, in a region or against an endpoint, with a retry
 * strategy that backs off on a service's throttling error.
 */
public final class AwsClients {
    /** Attempts of one call, the first included: a night's SES calls run into SES's per-second limit. */
    public static final int MAX_ATTEMPTS = 10;

    private AwsClients() {
    }

    /**
     * A client of the builder's service.
     *
     * @param region     the region, or null for the AWS default region chain
     * @param endpoint   an endpoint to call instead of the region's, or null
     * @param throttling the service's throttling exception, retried with an exponential, jittered backoff
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, String region, URI endpoint, Class<? extends Throwable> throttling) {
        StandardRetryStrategy.Builder retry = AwsRetryStrategy.configure(StandardRetryStrategy.builder())
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(20)))
                // A long throttled run must not trip the circuit breaker and fail calls that waiting would pass.
                .circuitBreakerEnabled(false);
        if (throttling != null) {
            retry = retry.retryOnExceptionInstanceOf(throttling);
        }
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(retry.build()).build());
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
