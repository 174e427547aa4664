package io.sesanalytics.capture;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Checks the signature of an SNS message posted to an HTTPS endpoint, as SNS documents it:
 * the listed fields are written as {@code name\nvalue\n} in a fixed order and signed with
 * SHA1withRSA (SignatureVersion 1) or SHA256withRSA (SignatureVersion 2).
 */
public final class SnsSignatureVerifier {
    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> SUBSCRIPTION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    private final SigningCertificates certificates;

    public SnsSignatureVerifier(SigningCertificates certificates) {
        this.certificates = certificates;
    }

    /** Returns normally when the message is authentic; throws with the reason otherwise. */
    public void verify(Map<String, Object> message) throws SnsVerificationException {
        String type = requiredText(message, "Type");
        String version = JsonTree.text(message, "SignatureVersion");
        String algorithm = switch (version) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new SnsVerificationException("unsupported SignatureVersion '" + version + "'");
        };
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(requiredText(message, "Signature"));
        } catch (IllegalArgumentException e) {
            throw new SnsVerificationException("Signature is not base64");
        }
        URI certificateUrl;
        try {
            certificateUrl = new URI(requiredText(message, "SigningCertURL"));
        } catch (URISyntaxException e) {
            throw new SnsVerificationException("SigningCertURL is not a URL");
        }
        String stringToSign = stringToSign(message, type);
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificates.certificate(certificateUrl, requiredText(message, "TopicArn")).getPublicKey());
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw new SnsVerificationException("signature does not match the message");
            }
        } catch (GeneralSecurityException e) {
            throw new SnsVerificationException("signature could not be checked: " + e.getMessage());
        }
    }

    static String stringToSign(Map<String, Object> message, String type) throws SnsVerificationException {
        List<String> fields = switch (type) {
            case "Notification" -> NOTIFICATION_FIELDS;
            case "SubscriptionConfirmation", "UnsubscribeConfirmation" -> SUBSCRIPTION_FIELDS;
            default -> throw new SnsVerificationException("unknown SNS message Type '" + type + "'");
        };
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            Object value = message.get(field);
            if (value == null) {
                if ("Subject".equals(field)) {
                    continue;
                }
                throw new SnsVerificationException("signed field " + field + " is missing");
            }
            text.append(field).append('\n').append(JsonTree.text(value)).append('\n');
        }
        return text.toString();
    }

    private static String requiredText(Map<String, Object> message, String field) throws SnsVerificationException {
        if (!(message.get(field) instanceof String value) || value.isEmpty()) {
            throw new SnsVerificationException(field + " is missing");
        }
        return value;
    }
}
