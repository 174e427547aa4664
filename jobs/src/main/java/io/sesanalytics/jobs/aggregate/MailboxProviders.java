package io.sesanalytics.jobs.aggregate;

import org.apache.spark.sql.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

/**
 * Groups recipient domains by the mailbox provider that hosts them, so that a provider's filtering shows
 * as one row. Domains not listed stand for themselves.
 */
public final class MailboxProviders {
    /** Recipient domain to provider. */
    public static final Map<String, String> PROVIDERS;

    static {
        Map<String, String> providers = new TreeMap<>();
        put(providers, "gmail", "gmail.com", "googlemail.com");
        put(providers, "microsoft", "outlook.com", "hotmail.com", "live.com", "msn.com", "hotmail.co.uk",
                "hotmail.fr", "live.co.uk", "outlook.fr", "outlook.de", "hotmail.de", "hotmail.it", "live.fr");
        put(providers, "yahoo", "yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
                "yahoo.co.jp", "aol.com", "aim.com");
        put(providers, "apple", "icloud.com", "me.com", "mac.com");
        put(providers, "proton", "proton.me", "protonmail.com", "pm.me");
        put(providers, "gmx", "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com");
        put(providers, "yandex", "yandex.ru", "yandex.com", "ya.ru");
        put(providers, "mail.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru");
        put(providers, "comcast", "comcast.net");
        put(providers, "zoho", "zoho.com", "zohomail.com");
        PROVIDERS = Map.copyOf(providers);
    }

    private MailboxProviders() {
    }

    /** The provider of a domain column: the mapped name, else the domain itself. */
    public static Column of(Column domain) {
        List<Column> pairs = new ArrayList<>();
        new TreeMap<>(PROVIDERS).forEach((d, provider) -> {
            pairs.add(lit(d));
            pairs.add(lit(provider));
        });
        return coalesce(element_at(map(pairs.toArray(Column[]::new)), domain), domain);
    }

    private static void put(Map<String, String> providers, String provider, String... domains) {
        for (String domain : domains) {
            providers.put(domain, provider);
        }
    }
}
