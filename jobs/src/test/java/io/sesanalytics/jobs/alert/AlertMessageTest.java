package io.sesanalytics.jobs.alert;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertMessageTest {
    private static final LocalDate DATE = LocalDate.parse("2026-11-22");

    @Test
    void listsTheEntriesThenThoseStillAlerting() {
        AlertMessage message = AlertMessage.of(DATE, List.of(
                new ReputationAlert("sender domain", "example.com", "AT_RISK", "OK", 0.125, 0.0004, 1200, 30, true),
                new ReputationAlert("configuration set", "", "OK", "WARNING", 0.01, 0.002, 900, 30, false)));

        assertEquals("SES reputation 2026-11-22: 1 entered WARNING or AT_RISK (1 AT_RISK)", message.subject());
        String body = message.body();
        assertTrue(body.contains("Entered WARNING or AT_RISK on 2026-11-22:\n  sender domain example.com [AT_RISK]:"
                + " bounce rate 12.50 % (AT_RISK), complaint rate 0.04 % (OK), 1,200 messages in 30 days\n"), body);
        assertTrue(body.contains("Still WARNING or AT_RISK since an earlier day:\n  configuration set (none) [WARNING]:"
                + " bounce rate 1.00 % (OK), complaint rate 0.20 % (WARNING), 900 messages in 30 days\n"), body);
        assertTrue(body.indexOf("example.com") < body.indexOf("configuration set (none)"));
    }

    @Test
    void subjectStaysUnderSnsLimit() {
        assertTrue(AlertMessage.of(DATE, List.of()).subject().length() <= AlertMessage.SUBJECT_MAX);
        assertEquals("n/a", AlertMessage.percent(null));
    }
}
