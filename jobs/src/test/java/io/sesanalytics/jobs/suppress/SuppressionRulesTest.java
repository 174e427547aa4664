package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.suppress.SuppressionRules.Activity;
import io.sesanalytics.jobs.suppress.SuppressionRules.Change;
import io.sesanalytics.jobs.suppress.SuppressionRules.Outcome;
import io.sesanalytics.jobs.suppress.SuppressionRules.Settings;
import io.sesanalytics.jobs.suppress.SuppressionRules.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.sesanalytics.jobs.suppress.SuppressionChange.ADDED;
import static io.sesanalytics.jobs.suppress.SuppressionChange.RENEWED;
import static io.sesanalytics.jobs.suppress.SuppressionReason.BOUNCE;
import static io.sesanalytics.jobs.suppress.SuppressionReason.COMPLAINT;
import static io.sesanalytics.jobs.suppress.SuppressionStatus.SUPPRESSED;
import static io.sesanalytics.jobs.suppress.SuppressionStatus.WATCHING;
import static io.sesanalytics.jobs.suppress.SuppressionTrigger.PERMANENT_BOUNCE;
import static io.sesanalytics.jobs.suppress.SuppressionTrigger.TRANSIENT_BOUNCES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SuppressionRulesTest {
    private static final String ADDR = "user@example.com";
    private static final String DOMAIN = "news.example.org";
    private static final String USER_UNKNOWN = "smtp; 550 5.1.1 user unknown";
    private static final String MAILBOX_FULL = "smtp; 452 4.2.2 mailbox full";
    private static final Settings DEFAULTS = Settings.defaults();
    /** The trigger; COMPLAINT alone is the reason. */
    private static final SuppressionTrigger COMPLAINT_TRIGGER = SuppressionTrigger.COMPLAINT;

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Activity permanent(Instant when) {
        return new Activity(ADDR, List.of(when), List.of(), List.of(), List.of(), USER_UNKNOWN, when, List.of(DOMAIN));
    }

    private static Activity transientBounce(Instant when) {
        return new Activity(ADDR, List.of(), List.of(when), List.of(), List.of(), MAILBOX_FULL, when, List.of(DOMAIN));
    }

    private static Activity complaint(Instant when) {
        return new Activity(ADDR, List.of(), List.of(), List.of(when), List.of(), null, null, List.of(DOMAIN));
    }

    private static Activity deliveries(Instant... when) {
        return new Activity(ADDR, List.of(), List.of(), List.of(), List.of(when), null, null, List.of(DOMAIN));
    }

    /** Suppressed by transient bounces on the nights of 2026-11-01, 11-04 and 11-07, as the rules leave it. */
    private static State transientSuppressed() {
        return new State(ADDR, SUPPRESSED, BOUNCE, TRANSIENT_BOUNCES,
                at("2026-11-01T10:00:00Z"), at("2026-11-07T10:00:00Z"), 0, 3, 0, 0,
                List.of(at("2026-11-01T10:00:00Z"), at("2026-11-04T10:00:00Z"), at("2026-11-07T10:00:00Z")),
                MAILBOX_FULL, at("2026-11-07T10:00:00Z"), List.of(DOMAIN),
                day("2026-11-07"), day("2026-11-21"), null);
    }

    @Test
    void permanentBounceAddsBounce() {
        Instant bounce = at("2026-11-20T10:15:00Z");

        Outcome outcome = SuppressionRules.apply(null, permanent(bounce), day("2026-11-20"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, bounce, bounce, 1, 0, 0, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-20"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-20"), ADDED, BOUNCE, PERMANENT_BOUNCE,
                "permanent bounce: smtp; 550 5.1.1 user unknown")), outcome.changes());
    }

    @Test
    void complaintAddsComplaint() {
        State watching = new State(ADDR, WATCHING, null, null,
                at("2026-11-18T09:00:00Z"), at("2026-11-18T09:00:00Z"), 0, 0, 0, 0,
                List.of(), null, null, List.of("alerts.example.org"), null, null, null);
        Activity tonight = new Activity(ADDR, List.of(), List.of(), List.of(at("2026-11-20T08:00:00Z")),
                List.of(at("2026-11-20T07:00:00Z")), null, null, List.of(DOMAIN, "alerts.example.org"));

        Outcome outcome = SuppressionRules.apply(watching, tonight, day("2026-11-20"), DEFAULTS);

        // The delivery came before tonight's decision, while the address was only watched.
        assertEquals(new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER,
                at("2026-11-18T09:00:00Z"), at("2026-11-20T08:00:00Z"), 0, 0, 1, 0,
                List.of(), null, null, List.of("alerts.example.org", DOMAIN),
                day("2026-11-20"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-20"), ADDED, COMPLAINT, COMPLAINT_TRIGGER, "complaint")),
                outcome.changes());
    }

    @Test
    void complaintOnAnAddressSuppressedByBounceRenewsAsComplaint() {
        Instant bounce = at("2026-11-10T10:00:00Z");
        State bounced = new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, bounce, bounce, 1, 0, 0, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-10"), null, null);
        Instant complained = at("2026-11-20T08:00:00Z");

        Outcome outcome = SuppressionRules.apply(bounced, complaint(complained), day("2026-11-20"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, bounce, complained, 1, 0, 1, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-10"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-20"), RENEWED, COMPLAINT, COMPLAINT_TRIGGER, "complaint")),
                outcome.changes());
    }

    @Test
    void complaintOnATransientSuppressionRemovesTheExpiry() {
        Instant complained = at("2026-11-12T08:00:00Z");

        Outcome outcome = SuppressionRules.apply(transientSuppressed(), complaint(complained), day("2026-11-12"),
                DEFAULTS);

        // Window for 2026-11-12: dates after 11-05, so only the 11-07 bounce stays.
        assertEquals(new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER,
                at("2026-11-01T10:00:00Z"), complained, 0, 3, 1, 0,
                List.of(at("2026-11-07T10:00:00Z")), MAILBOX_FULL, at("2026-11-07T10:00:00Z"), List.of(DOMAIN),
                day("2026-11-07"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-12"), RENEWED, COMPLAINT, COMPLAINT_TRIGGER, "complaint")),
                outcome.changes());
    }

    @Test
    void deliveryAfterComplaintDoesNotLiftIt() {
        Instant complained = at("2026-11-01T08:00:00Z");
        State suppressed = new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, complained, complained, 0, 0, 1, 1,
                List.of(), null, null, List.of(DOMAIN), day("2026-11-01"), null, null);

        Outcome outcome = SuppressionRules.apply(suppressed,
                deliveries(at("2026-12-15T09:00:00Z"), at("2026-12-15T11:30:00Z")), day("2026-12-15"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, complained, at("2026-12-15T11:30:00Z"),
                0, 0, 1, 3, List.of(), null, null, List.of(DOMAIN), day("2026-11-01"), null, null), outcome.state());
        assertEquals(List.of(), outcome.changes());
    }

    @Test
    void deliveryAfterPermanentBounceDoesNotLiftIt() {
        Instant bounce = at("2026-11-01T10:00:00Z");
        State suppressed = new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, bounce, bounce, 1, 0, 0, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-01"), null, null);

        Outcome outcome = SuppressionRules.apply(suppressed, deliveries(at("2027-01-05T09:00:00Z")),
                day("2027-01-05"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, bounce, at("2027-01-05T09:00:00Z"),
                1, 0, 0, 1, List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-01"), null, null),
                outcome.state());
        assertEquals(List.of(), outcome.changes());
    }

    @Test
    void twoTransientBouncesInSevenDaysOnlyWatch() {
        Outcome first = SuppressionRules.apply(null, transientBounce(at("2026-11-01T10:00:00Z")),
                day("2026-11-01"), DEFAULTS);
        Outcome second = SuppressionRules.apply(first.state(), transientBounce(at("2026-11-05T10:00:00Z")),
                day("2026-11-05"), DEFAULTS);

        assertEquals(List.of(), first.changes());
        assertEquals(new State(ADDR, WATCHING, null, null, at("2026-11-01T10:00:00Z"), at("2026-11-05T10:00:00Z"),
                0, 2, 0, 0, List.of(at("2026-11-01T10:00:00Z"), at("2026-11-05T10:00:00Z")),
                MAILBOX_FULL, at("2026-11-05T10:00:00Z"), List.of(DOMAIN), null, null, null), second.state());
        assertEquals(List.of(), second.changes());
    }

    @Test
    void thirdTransientBounceWithinSevenDaysSuppressesForFourteenDays() {
        State watching = new State(ADDR, WATCHING, null, null, at("2026-11-01T10:00:00Z"),
                at("2026-11-04T10:00:00Z"), 0, 2, 0, 0,
                List.of(at("2026-11-01T10:00:00Z"), at("2026-11-04T10:00:00Z")),
                MAILBOX_FULL, at("2026-11-04T10:00:00Z"), List.of(DOMAIN), null, null, null);

        Outcome outcome = SuppressionRules.apply(watching, transientBounce(at("2026-11-07T10:00:00Z")),
                day("2026-11-07"), DEFAULTS);

        assertEquals(transientSuppressed(), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-07"), ADDED, BOUNCE, TRANSIENT_BOUNCES,
                "3 transient bounces in 7 days")), outcome.changes());
    }

    @Test
    void bouncesOnTheDayBeforeTheWindowDoNotCount() {
        // Window for 2026-11-10 with 7 days: 11-04 to 11-10; 11-03 is just outside.
        Outcome edge = SuppressionRules.apply(null, transientBounce(at("2026-11-03T23:59:59Z")),
                day("2026-11-03"), DEFAULTS);
        Outcome middle = SuppressionRules.apply(edge.state(), transientBounce(at("2026-11-06T12:00:00Z")),
                day("2026-11-06"), DEFAULTS);
        Outcome last = SuppressionRules.apply(middle.state(), transientBounce(at("2026-11-10T09:00:00Z")),
                day("2026-11-10"), DEFAULTS);

        assertEquals(new State(ADDR, WATCHING, null, null, at("2026-11-03T23:59:59Z"), at("2026-11-10T09:00:00Z"),
                0, 3, 0, 0, List.of(at("2026-11-06T12:00:00Z"), at("2026-11-10T09:00:00Z")),
                MAILBOX_FULL, at("2026-11-10T09:00:00Z"), List.of(DOMAIN), null, null, null), last.state());
        assertEquals(List.of(), last.changes());
    }

    @Test
    void bouncesOnTheFirstDayOfTheWindowCount() {
        Outcome edge = SuppressionRules.apply(null, transientBounce(at("2026-11-04T00:00:00Z")),
                day("2026-11-04"), DEFAULTS);
        Outcome middle = SuppressionRules.apply(edge.state(), transientBounce(at("2026-11-06T12:00:00Z")),
                day("2026-11-06"), DEFAULTS);
        Outcome last = SuppressionRules.apply(middle.state(), transientBounce(at("2026-11-10T09:00:00Z")),
                day("2026-11-10"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, TRANSIENT_BOUNCES,
                at("2026-11-04T00:00:00Z"), at("2026-11-10T09:00:00Z"), 0, 3, 0, 0,
                List.of(at("2026-11-04T00:00:00Z"), at("2026-11-06T12:00:00Z"), at("2026-11-10T09:00:00Z")),
                MAILBOX_FULL, at("2026-11-10T09:00:00Z"), List.of(DOMAIN),
                day("2026-11-10"), day("2026-11-24"), null), last.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-10"), ADDED, BOUNCE, TRANSIENT_BOUNCES,
                "3 transient bounces in 7 days")), last.changes());
    }

    @Test
    void recurringTransientBounceRenewsAndExtendsTheExpiry() {
        Instant again = at("2026-11-15T10:00:00Z");

        Outcome outcome = SuppressionRules.apply(transientSuppressed(), transientBounce(again), day("2026-11-15"),
                DEFAULTS);

        // Window for 11-15: dates after 11-08, so the three earlier bounces drop out.
        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, TRANSIENT_BOUNCES, at("2026-11-01T10:00:00Z"), again,
                0, 4, 0, 0, List.of(again), MAILBOX_FULL, again, List.of(DOMAIN),
                day("2026-11-07"), day("2026-11-29"), null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-15"), RENEWED, BOUNCE, TRANSIENT_BOUNCES,
                "1 transient bounce, expires 2026-11-29")), outcome.changes());
    }

    @Test
    void expiryReleasesOnTheExactDayWithoutActivity() {
        State suppressed = transientSuppressed();

        Outcome dayBefore = SuppressionRules.apply(suppressed, null, day("2026-11-20"), DEFAULTS);
        Outcome onTheDay = SuppressionRules.apply(dayBefore.state(), null, day("2026-11-21"), DEFAULTS);

        // Window for 11-20: dates after 11-13, so every recent bounce is pruned; nothing else moves.
        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, TRANSIENT_BOUNCES,
                at("2026-11-01T10:00:00Z"), at("2026-11-07T10:00:00Z"), 0, 3, 0, 0, List.of(),
                MAILBOX_FULL, at("2026-11-07T10:00:00Z"), List.of(DOMAIN),
                day("2026-11-07"), day("2026-11-21"), null), dayBefore.state());
        assertEquals(List.of(), dayBefore.changes());
        assertEquals(new State(ADDR, SuppressionStatus.RELEASED, BOUNCE, TRANSIENT_BOUNCES,
                at("2026-11-01T10:00:00Z"), at("2026-11-07T10:00:00Z"), 0, 3, 0, 0, List.of(),
                MAILBOX_FULL, at("2026-11-07T10:00:00Z"), List.of(DOMAIN),
                day("2026-11-07"), day("2026-11-21"), day("2026-11-21")), onTheDay.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-21"), SuppressionChange.RELEASED, BOUNCE, TRANSIENT_BOUNCES,
                "no transient bounce since 2026-11-07")), onTheDay.changes());
    }

    @Test
    void quietNightLeavesAPermanentSuppressionAsItWas() {
        Instant complained = at("2026-11-01T08:00:00Z");
        State suppressed = new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, complained, complained, 0, 0, 1, 0,
                List.of(), null, null, List.of(DOMAIN), day("2026-11-01"), null, null);

        Outcome outcome = SuppressionRules.apply(suppressed, null, day("2027-06-01"), DEFAULTS);

        assertEquals(suppressed, outcome.state());
        assertEquals(List.of(), outcome.changes());
    }

    @Test
    void permanentBounceOnATransientSuppressionRemovesTheExpiry() {
        Instant bounce = at("2026-11-12T10:00:00Z");

        Outcome outcome = SuppressionRules.apply(transientSuppressed(), permanent(bounce), day("2026-11-12"),
                DEFAULTS);
        Outcome afterOldExpiry = SuppressionRules.apply(outcome.state(), null, day("2026-11-21"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, at("2026-11-01T10:00:00Z"), bounce,
                1, 3, 0, 0, List.of(at("2026-11-07T10:00:00Z")), USER_UNKNOWN, bounce, List.of(DOMAIN),
                day("2026-11-07"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-12"), RENEWED, BOUNCE, PERMANENT_BOUNCE,
                "permanent bounce: smtp; 550 5.1.1 user unknown")), outcome.changes());
        assertEquals(SUPPRESSED, afterOldExpiry.state().status());
        assertEquals(List.of(), afterOldExpiry.changes());
    }

    @Test
    void permanentBounceOnAComplaintStaysComplaint() {
        Instant complained = at("2026-11-01T08:00:00Z");
        Instant bounce = at("2026-11-12T10:00:00Z");
        State suppressed = new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, complained, complained, 0, 0, 1, 0,
                List.of(), null, null, List.of(DOMAIN), day("2026-11-01"), null, null);

        Outcome outcome = SuppressionRules.apply(suppressed, permanent(bounce), day("2026-11-12"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, complained, bounce, 1, 0, 1, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-01"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-12"), RENEWED, COMPLAINT, COMPLAINT_TRIGGER,
                "permanent bounce: smtp; 550 5.1.1 user unknown")), outcome.changes());
    }

    @Test
    void transientBounceOnAPermanentSuppressionOnlyCounts() {
        Instant bounce = at("2026-11-01T10:00:00Z");
        Instant soft = at("2026-11-12T10:00:00Z");
        State suppressed = new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, bounce, bounce, 1, 0, 0, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-01"), null, null);

        Outcome outcome = SuppressionRules.apply(suppressed, transientBounce(soft), day("2026-11-12"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, PERMANENT_BOUNCE, bounce, soft, 1, 1, 0, 0,
                List.of(soft), MAILBOX_FULL, soft, List.of(DOMAIN), day("2026-11-01"), null, null), outcome.state());
        assertEquals(List.of(), outcome.changes());
    }

    @Test
    void complaintOutranksAPermanentBounceOnTheSameNight() {
        Instant bounce = at("2026-11-20T09:00:00Z");
        Instant complained = at("2026-11-20T10:00:00Z");
        Activity both = new Activity(ADDR, List.of(bounce), List.of(), List.of(complained), List.of(),
                USER_UNKNOWN, bounce, List.of(DOMAIN));

        Outcome outcome = SuppressionRules.apply(null, both, day("2026-11-20"), DEFAULTS);

        assertEquals(new State(ADDR, SUPPRESSED, COMPLAINT, COMPLAINT_TRIGGER, bounce, complained, 1, 0, 1, 0,
                List.of(), USER_UNKNOWN, bounce, List.of(DOMAIN), day("2026-11-20"), null, null), outcome.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-20"), ADDED, COMPLAINT, COMPLAINT_TRIGGER, "complaint")),
                outcome.changes());
    }

    @Test
    void releasedAddressThatBouncesThreeMoreTimesIsAddedAgain() {
        State released = SuppressionRules.apply(transientSuppressed(), null, day("2026-11-21"), DEFAULTS).state();

        Outcome first = SuppressionRules.apply(released, transientBounce(at("2026-11-25T10:00:00Z")),
                day("2026-11-25"), DEFAULTS);
        Outcome second = SuppressionRules.apply(first.state(), transientBounce(at("2026-11-26T10:00:00Z")),
                day("2026-11-26"), DEFAULTS);
        Outcome third = SuppressionRules.apply(second.state(), transientBounce(at("2026-11-27T10:00:00Z")),
                day("2026-11-27"), DEFAULTS);

        assertEquals(WATCHING, first.state().status());
        assertEquals(List.of(), first.changes());
        assertEquals(WATCHING, second.state().status());
        assertEquals(List.of(), second.changes());
        assertEquals(new State(ADDR, SUPPRESSED, BOUNCE, TRANSIENT_BOUNCES,
                at("2026-11-01T10:00:00Z"), at("2026-11-27T10:00:00Z"), 0, 6, 0, 0,
                List.of(at("2026-11-25T10:00:00Z"), at("2026-11-26T10:00:00Z"), at("2026-11-27T10:00:00Z")),
                MAILBOX_FULL, at("2026-11-27T10:00:00Z"), List.of(DOMAIN),
                day("2026-11-27"), day("2026-12-11"), null), third.state());
        assertEquals(List.of(new Change(ADDR, day("2026-11-27"), ADDED, BOUNCE, TRANSIENT_BOUNCES,
                "3 transient bounces in 7 days")), third.changes());
    }

    @Test
    void noStateAndNoActivityGiveNothing() {
        Outcome outcome = SuppressionRules.apply(null, null, day("2026-11-20"), DEFAULTS);

        assertNull(outcome.state());
        assertEquals(List.of(), outcome.changes());
    }

    @Test
    void mergeTakesExtremesUnionsAndTheLatestDiagnostic() {
        State previous = new State(ADDR, WATCHING, null, null,
                at("2026-11-05T10:00:00Z"), at("2026-11-05T10:00:00Z"), 0, 1, 0, 0,
                List.of(at("2026-11-05T10:00:00Z")), "old", at("2026-11-05T10:00:00Z"),
                List.of("b.example.org"), null, null, null);
        // Today's diagnostic shares the previous instant: today's wins the tie. The repeated bounce counts
        // once in the window but twice in the counter, as SES sent two notifications.
        Activity tonight = new Activity(ADDR, List.of(),
                List.of(at("2026-11-06T10:00:00Z"), at("2026-11-05T10:00:00Z")), List.of(),
                List.of(at("2026-11-04T23:00:00Z"), at("2026-11-06T22:00:00Z")),
                "new", at("2026-11-05T10:00:00Z"), List.of("c.example.org", "a.example.org", "b.example.org"));

        Outcome outcome = SuppressionRules.apply(previous, tonight, day("2026-11-06"), DEFAULTS);

        assertEquals(new State(ADDR, WATCHING, null, null,
                at("2026-11-04T23:00:00Z"), at("2026-11-06T22:00:00Z"), 0, 3, 0, 0,
                List.of(at("2026-11-05T10:00:00Z"), at("2026-11-06T10:00:00Z")), "new", at("2026-11-05T10:00:00Z"),
                List.of("a.example.org", "b.example.org", "c.example.org"), null, null, null), outcome.state());
        assertEquals(List.of(), outcome.changes());
    }

    @Test
    void sameInputsGiveEqualOutputsAndInputsAreNotChanged() {
        List<Instant> bounces = new ArrayList<>(List.of(at("2026-11-07T10:00:00Z")));
        List<String> domains = new ArrayList<>(List.of(DOMAIN));
        Activity tonight = new Activity(ADDR, List.of(), bounces, List.of(), List.of(), MAILBOX_FULL,
                at("2026-11-07T10:00:00Z"), domains);
        State previous = transientSuppressed();

        Outcome once = SuppressionRules.apply(previous, tonight, day("2026-11-15"), DEFAULTS);
        Outcome twice = SuppressionRules.apply(previous, tonight, day("2026-11-15"), DEFAULTS);

        assertEquals(once, twice);
        assertEquals(transientSuppressed(), previous);
        assertEquals(List.of(at("2026-11-07T10:00:00Z")), bounces);
        assertEquals(List.of(DOMAIN), domains);
    }

    @Test
    void settingsAreValidated() {
        assertEquals(new Settings(3, 7, 14), Settings.defaults());
        assertEquals("transientThreshold must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new Settings(0, 7, 14)).getMessage());
        assertEquals("transientWindowDays must be at least 1, was -1",
                assertThrows(IllegalArgumentException.class, () -> new Settings(3, -1, 14)).getMessage());
        assertEquals("transientExpiryDays must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new Settings(3, 7, 0)).getMessage());
    }
}
