package io.sesanalytics.jobs.normalize;

import java.util.Locale;

/**
 * An address taken from a header-style value such as {@code "Example User" <User@Example.com>}.
 * The address is lower-cased: SES and mailbox providers treat addresses case-insensitively, and
 * counting {@code User@Example.com} and {@code user@example.com} apart would split one sender in two.
 *
 * @param address     the bare address, lower-cased; null when the value holds none
 * @param domain      the part after the last {@code @}, lower-cased; null when there is none
 * @param displayName the display name without quotes, or null
 */
public record EmailAddress(String address, String domain, String displayName) {
    private static final EmailAddress NONE = new EmailAddress(null, null, null);

    public static EmailAddress parse(String value) {
        if (value == null) {
            return NONE;
        }
        String text = value.strip();
        String displayName = null;
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            displayName = unquote(text.substring(0, open).strip());
            text = text.substring(open + 1, close).strip();
        }
        if (text.isEmpty()) {
            return new EmailAddress(null, null, displayName);
        }
        String address = text.toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String domain = at > 0 && at < address.length() - 1 ? address.substring(at + 1) : null;
        return new EmailAddress(address, domain, displayName);
    }

    /** The domain of an address-like value, lower-cased, or null. */
    public static String domainOf(String value) {
        return parse(value).domain();
    }

    private static String unquote(String name) {
        String unquoted = name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\\\"", "\"")
                : name;
        return unquoted.isEmpty() ? null : unquoted;
    }
}
