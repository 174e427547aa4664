package io.sesanalytics.capture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays SNS's part in HTTPS tests: signs messages with a test key and serves the matching certificate,
 * plus a subscription confirmation link, on a loopback URL that only the test URL policy allows.
 */
final class TestSnsSigner implements AutoCloseable {
    static final String CERT_PATH = "/SimpleNotificationService-test.pem";
    static final String CONFIRM_PATH = "/confirm";

    private final KeyPair keys;
    private final HttpServer server;
    private final AtomicInteger confirmations = new AtomicInteger();

    /** Its certificate is issued to sns.amazonaws.com, the name SNS's certificates carry in most Regions. */
    TestSnsSigner() throws Exception {
        this("CN=sns.amazonaws.com");
    }

    TestSnsSigner(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(keys, subject);
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(CERT_PATH, exchange -> {
            byte[] body = pem.getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext(CONFIRM_PATH, exchange -> {
            confirmations.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String certificateUrl() {
        return baseUrl() + CERT_PATH;
    }

    /** Allows this server's loopback URLs, and nothing else. */
    SnsUrlPolicy policy() {
        return new SnsUrlPolicy() {
            @Override
            public boolean allowsCertificate(URI url, String topicArn) {
                return url.toString().startsWith(baseUrl() + "/");
            }

            @Override
            public boolean allowsSubscribeUrl(URI url, String topicArn) {
                return url.toString().startsWith(baseUrl() + "/");
            }
        };
    }

    int confirmations() {
        return confirmations.get();
    }

    /** The base64 signature of the given text, SHA1withRSA for version 1 and SHA256withRSA for version 2. */
    String signText(String text, int signatureVersion) throws Exception {
        Signature signer = Signature.getInstance(signatureVersion == 1 ? "SHA1withRSA" : "SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    /** Adds SignatureVersion, SigningCertURL and a valid Signature to the message. */
    ObjectNode sign(ObjectNode message, int signatureVersion) throws Exception {
        message.put("SignatureVersion", Integer.toString(signatureVersion));
        message.put("SigningCertURL", certificateUrl());
        Signature signer = Signature.getInstance(signatureVersion == 1 ? "SHA1withRSA" : "SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(SnsSignatureVerifier.stringToSign(LambdaEvents.tree(message.toString()), message.path("Type").asText())
                .getBytes(StandardCharsets.UTF_8));
        message.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        return message;
    }

    URI confirmUrl() {
        return URI.create(baseUrl() + CONFIRM_PATH + "?Action=ConfirmSubscription&Token=t");
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
