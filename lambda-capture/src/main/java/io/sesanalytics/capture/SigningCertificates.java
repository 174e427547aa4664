package io.sesanalytics.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Fetches SNS signing certificates from allowed URLs and keeps them for the life of the container. */
public final class SigningCertificates {
    private final SnsUrlPolicy policy;
    private final Supplier<HttpClient> http;
    private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    public SigningCertificates(SnsUrlPolicy policy, Supplier<HttpClient> http) {
        this.policy = policy;
        this.http = http;
    }

    public X509Certificate certificate(URI url) throws SnsVerificationException {
        if (!policy.allows(url)) {
            throw new SnsVerificationException("signing certificate URL is not an SNS endpoint: " + url);
        }
        X509Certificate cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        X509Certificate fetched = fetch(url);
        cache.put(url, fetched);
        return fetched;
    }

    private X509Certificate fetch(URI url) throws SnsVerificationException {
        try {
            HttpResponse<byte[]> response = http.get().send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SnsVerificationException("signing certificate " + url + " answered HTTP " + response.statusCode());
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
            certificate.checkValidity();
            return certificate;
        } catch (IOException | GeneralSecurityException e) {
            throw new SnsVerificationException("signing certificate " + url + " could not be used: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnsVerificationException("interrupted while fetching " + url);
        }
    }
}
