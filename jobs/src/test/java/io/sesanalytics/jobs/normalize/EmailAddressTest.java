package io.sesanalytics.jobs.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmailAddressTest {
    @Test
    void displayNameAndCaseAreNormalized() {
        assertEquals(new EmailAddress("user@example.com", "example.com", "Example User"),
                EmailAddress.parse("Example User <User@Example.com>"));
        assertEquals(new EmailAddress("news@example.com", "example.com", "Example, News"),
                EmailAddress.parse("\"Example, News\" <News@EXAMPLE.com>"));
        assertEquals(new EmailAddress("plain@shop.example.net", "shop.example.net", null),
                EmailAddress.parse("  Plain@Shop.Example.NET "));
    }

    @Test
    void valuesWithoutAnAddressHaveNoDomain() {
        assertEquals(new EmailAddress(null, null, null), EmailAddress.parse(null));
        assertEquals(new EmailAddress("no-at-sign", null, null), EmailAddress.parse("no-at-sign"));
        assertEquals(new EmailAddress(null, null, "Only Name"), EmailAddress.parse("Only Name <>"));
    }
}
