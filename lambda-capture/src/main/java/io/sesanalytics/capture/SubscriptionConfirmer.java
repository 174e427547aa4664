package io.sesanalytics.capture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Confirms an SNS subscription by visiting its SubscribeURL, which must be an SNS endpoint. */
public final class SubscriptionConfirmer {
    private final SnsUrlPolicy policy;
    private final Supplier<HttpClient> http;

    public SubscriptionConfirmer(SnsUrlPolicy policy, Supplier<HttpClient> http) {
        this.policy = policy;
        this.http = http;
    }

    public void confirm(String subscribeUrl, String topicArn) throws SnsVerificationException, IOException {
        URI url;
        try {
            url = URI.create(subscribeUrl);
        } catch (IllegalArgumentException e) {
            throw new SnsVerificationException("SubscribeURL is not a URL");
        }
        if (!policy.allowsSubscribeUrl(url, topicArn)) {
            throw new SnsVerificationException("SubscribeURL is not an SNS endpoint: " + url.getHost());
        }
        try {
            HttpResponse<Void> response = http.get().send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IOException("SubscribeURL answered HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while confirming the subscription", e);
        }
    }
}
