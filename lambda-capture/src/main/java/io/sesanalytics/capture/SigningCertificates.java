package io.sesanalytics.capture;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fetches SNS signing certificates from allowed URLs and keeps the last few for the life of the container.
 * A certificate is used only if it is valid now and issued to SNS: its DNS names (or, without any, its
 * subject's common name) must include the name the AWS SDK for Java's SnsMessageManager expects for the
 * topic's Region, {@code sns.amazonaws.com} in most Regions.
 */
public final class SigningCertificates {
    /** SNS signs with one certificate per Region at a time; a handful covers rotations and a few Regions. */
    static final int CACHE_SIZE = 16;
    private static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

    private final SnsUrlPolicy policy;
    private final Supplier<HttpClient> http;
    /** By host and path, least recently used first. */
    private final Map<String, X509Certificate> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public SigningCertificates(SnsUrlPolicy policy, Supplier<HttpClient> http) {
        this.policy = policy;
        this.http = http;
    }

    /** The certificate a message from {@code topicArn} names at {@code url}, checked as described above. */
    public X509Certificate certificate(URI url, String topicArn) throws SnsVerificationException {
        if (!policy.allowsCertificate(url, topicArn)) {
            throw new SnsVerificationException("signing certificate URL is not an SNS endpoint: " + url);
        }
        String key = url.getHost() + url.getRawPath();
        X509Certificate certificate;
        synchronized (cache) {
            certificate = cache.get(key);
        }
        if (certificate == null) {
            certificate = fetch(url);
            synchronized (cache) {
                cache.put(key, certificate);
            }
        }
        try {
            certificate.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new SnsVerificationException("signing certificate " + url + " is not valid now: " + e.getMessage());
        }
        String expected = SnsEndpoints.certificateName(topicArn);
        if (expected == null || !names(certificate).stream().anyMatch(expected::equalsIgnoreCase)) {
            throw new SnsVerificationException("signing certificate " + url + " is not issued to " + expected);
        }
        return certificate;
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** The DNS subject alternative names, or the subject's common names when there are none. */
    static List<String> names(X509Certificate certificate) throws SnsVerificationException {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> name : alternatives) {
                    if (Integer.valueOf(2).equals(name.get(0)) && name.get(1) instanceof String dns) {
                        names.add(dns);
                    }
                }
            }
            if (names.isEmpty()) {
                for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                    if ("CN".equalsIgnoreCase(rdn.getType())) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            }
        } catch (CertificateParsingException | InvalidNameException e) {
            throw new SnsVerificationException("signing certificate names could not be read: " + e.getMessage());
        }
        return names;
    }

    private X509Certificate fetch(URI url) throws SnsVerificationException {
        try {
            HttpResponse<byte[]> response = http.get().send(
                    HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SnsVerificationException("signing certificate " + url + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_CERTIFICATE_BYTES) {
                throw new SnsVerificationException("signing certificate " + url + " is larger than " + MAX_CERTIFICATE_BYTES + " bytes");
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(response.body()));
        } catch (IOException | GeneralSecurityException e) {
            throw new SnsVerificationException("signing certificate " + url + " could not be used: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnsVerificationException("interrupted while fetching " + url);
        }
    }
}
