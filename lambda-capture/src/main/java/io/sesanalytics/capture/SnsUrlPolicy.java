package io.sesanalytics.capture;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Decides which URLs named inside an SNS message may be fetched: the signing certificate and the
 * subscription confirmation link. Only SNS's own HTTPS endpoint in the Region of the message's topic
 * passes, so a forged message cannot point the verifier at a certificate of its author's choosing
 * (not even one on another amazonaws.com host, such as an S3 bucket named {@code sns}).
 */
public interface SnsUrlPolicy {
    /** The path SNS serves signing certificates under. */
    Pattern CERTIFICATE_PATH = Pattern.compile("/SimpleNotificationService-[0-9a-f]+\\.pem");

    /** May the signing certificate of a message from {@code topicArn} be fetched from {@code url}? */
    boolean allowsCertificate(URI url, String topicArn);

    /** May the SubscribeURL of a confirmation from {@code topicArn} be visited? */
    boolean allowsSubscribeUrl(URI url, String topicArn);

    /**
     * {@code https://sns.<region of the topic>.amazonaws.com} (China partition {@code .amazonaws.com.cn})
     * with no user info, port, or fragment. A certificate URL must have the path
     * {@code /SimpleNotificationService-<hex>.pem} and no query; a SubscribeURL the path {@code /} and
     * the query of a ConfirmSubscription action.
     */
    static SnsUrlPolicy snsEndpointsOnly() {
        return new SnsUrlPolicy() {
            @Override
            public boolean allowsCertificate(URI url, String topicArn) {
                return isSnsEndpoint(url, topicArn)
                        && url.getRawPath() != null && CERTIFICATE_PATH.matcher(url.getRawPath()).matches()
                        && url.getRawQuery() == null;
            }

            @Override
            public boolean allowsSubscribeUrl(URI url, String topicArn) {
                return isSnsEndpoint(url, topicArn)
                        && "/".equals(url.getRawPath())
                        && url.getRawQuery() != null && url.getRawQuery().startsWith("Action=ConfirmSubscription&");
            }
        };
    }

    private static boolean isSnsEndpoint(URI url, String topicArn) {
        String host = SnsEndpoints.host(topicArn);
        return host != null
                && url.isAbsolute() && !url.isOpaque()
                && "https".equals(url.getScheme())
                && host.equals(url.getHost())
                && url.getRawUserInfo() == null
                && url.getPort() == -1
                && url.getRawFragment() == null;
    }
}
