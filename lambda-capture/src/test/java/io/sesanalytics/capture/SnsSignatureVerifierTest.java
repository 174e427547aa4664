package io.sesanalytics.capture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The text SNS signs, written out here by hand from SNS's documentation ("Verifying the signatures of
 * Amazon SNS messages"): each signed field as its name, a newline, its value, a newline, in byte order of
 * the names; Subject only when the message has one. The test signs that literal text and the verifier
 * must accept the message, then reject it once one signed field changes.
 */
class SnsSignatureVerifierTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ses-notifications";
    private static final String SES = "{\"notificationType\":\"Delivery\",\"mail\":{\"messageId\":\"0100019\"}}";

    private static TestSnsSigner sns;
    private static SnsSignatureVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        sns = new TestSnsSigner();
        verifier = new SnsSignatureVerifier(new SigningCertificates(sns.policy(), HttpClient::newHttpClient));
    }

    @AfterAll
    static void stop() throws Exception {
        sns.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void notificationWithSubject(int version) throws Exception {
        Map<String, Object> message = message("Notification");
        message.put("Subject", "Amazon SES Email Event Notification");
        message.put("Message", SES);
        message.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TOPIC + ":1");

        checkSigned(message, version, "Message\n"
                + "{\"notificationType\":\"Delivery\",\"mail\":{\"messageId\":\"0100019\"}}\n"
                + "MessageId\n"
                + "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n"
                + "Subject\n"
                + "Amazon SES Email Event Notification\n"
                + "Timestamp\n"
                + "2026-11-25T03:04:01.000Z\n"
                + "TopicArn\n"
                + "arn:aws:sns:us-east-1:123456789012:ses-notifications\n"
                + "Type\n"
                + "Notification\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void notificationWithoutSubject(int version) throws Exception {
        Map<String, Object> message = message("Notification");
        message.put("Message", SES);
        message.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + TOPIC + ":1");

        checkSigned(message, version, "Message\n"
                + "{\"notificationType\":\"Delivery\",\"mail\":{\"messageId\":\"0100019\"}}\n"
                + "MessageId\n"
                + "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n"
                + "Timestamp\n"
                + "2026-11-25T03:04:01.000Z\n"
                + "TopicArn\n"
                + "arn:aws:sns:us-east-1:123456789012:ses-notifications\n"
                + "Type\n"
                + "Notification\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void subscriptionConfirmation(int version) throws Exception {
        Map<String, Object> message = message("SubscriptionConfirmation");
        message.put("Token", "2336412f37fb687f5d51e6e2425c464de12884");
        message.put("Message", "You have chosen to subscribe to the topic " + TOPIC
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
        message.put("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC
                + "&Token=2336412f37fb687f5d51e6e2425c464de12884");

        checkSigned(message, version, "Message\n"
                + "You have chosen to subscribe to the topic arn:aws:sns:us-east-1:123456789012:ses-notifications.\n"
                + "To confirm the subscription, visit the SubscribeURL included in this message.\n"
                + "MessageId\n"
                + "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n"
                + "SubscribeURL\n"
                + "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-east-1:123456789012:ses-notifications&Token=2336412f37fb687f5d51e6e2425c464de12884\n"
                + "Timestamp\n"
                + "2026-11-25T03:04:01.000Z\n"
                + "Token\n"
                + "2336412f37fb687f5d51e6e2425c464de12884\n"
                + "TopicArn\n"
                + "arn:aws:sns:us-east-1:123456789012:ses-notifications\n"
                + "Type\n"
                + "SubscriptionConfirmation\n");
    }

    @org.junit.jupiter.api.Test
    void certificatesAreCachedByHostAndPathUpToABound() throws Exception {
        SigningCertificates certificates = new SigningCertificates(sns.policy(), HttpClient::newHttpClient);
        for (int i = 0; i < SigningCertificates.CACHE_SIZE + 4; i++) {
            certificates.certificate(java.net.URI.create(sns.certificateUrl() + "/" + i), TOPIC);
            certificates.certificate(java.net.URI.create(sns.certificateUrl() + "/" + i), TOPIC);
        }
        assertEquals(SigningCertificates.CACHE_SIZE, certificates.cached());
    }

    private static Map<String, Object> message(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("Type", type);
        message.put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
        message.put("TopicArn", TOPIC);
        message.put("Timestamp", "2026-11-25T03:04:01.000Z");
        return message;
    }

    private static void checkSigned(Map<String, Object> message, int version, String signedText) throws Exception {
        message.put("SignatureVersion", Integer.toString(version));
        message.put("SigningCertURL", sns.certificateUrl());
        message.put("Signature", sns.signText(signedText, version));

        assertEquals(signedText, SnsSignatureVerifier.stringToSign(message, (String) message.get("Type")));
        verifier.verify(message);

        message.put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf325");
        SnsVerificationException forged = assertThrows(SnsVerificationException.class, () -> verifier.verify(message));
        assertEquals("signature does not match the message", forged.getMessage());
    }
}
