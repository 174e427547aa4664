package io.sesanalytics.capture;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Decides which URLs named inside an SNS message may be fetched: the signing certificate and the
 * subscription confirmation link. Only SNS's own HTTPS endpoints pass, so a forged message cannot
 * point the verifier at a certificate of its author's choosing.
 */
@FunctionalInterface
public interface SnsUrlPolicy {
    Pattern SNS_HOST = Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

    boolean allows(URI url);

    /** {@code https://sns.<region>.amazonaws.com/...} (and the China partition's {@code .com.cn}). */
    static SnsUrlPolicy snsEndpointsOnly() {
        return url -> "https".equals(url.getScheme())
                && url.getHost() != null
                && SNS_HOST.matcher(url.getHost()).matches()
                && (url.getPort() == -1 || url.getPort() == 443)
                && url.getUserInfo() == null;
    }
}
