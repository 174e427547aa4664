package io.sesanalytics.jobs.pipeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NightPlanTest {
    private static final LocalDate D1 = LocalDate.parse("2026-11-20");

    private static LocalDate day(int n) {
        return D1.plusDays(n - 1);
    }

    /** Nights 1..n completed, each with captures; changed by the tests. */
    private static final class Facts implements NightPlan.History {
        final Set<LocalDate> summaries = new TreeSet<>();
        final Set<LocalDate> completed = new HashSet<>();
        final Set<LocalDate> captures = new HashSet<>();
        final Set<LocalDate> normalized = new HashSet<>();
        final Set<LocalDate> typesNowKnown = new TreeSet<>();

        Facts ran(int... days) {
            for (int d : days) {
                summaries.add(day(d));
                completed.add(day(d));
                captures.add(day(d));
                normalized.add(day(d));
            }
            return this;
        }

        @Override
        public List<LocalDate> datesWithSummaries() {
            return List.copyOf(summaries);
        }

        @Override
        public boolean completed(LocalDate date) {
            return completed.contains(date);
        }

        @Override
        public boolean hasCaptures(LocalDate date) {
            return captures.contains(date);
        }

        @Override
        public boolean normalized(LocalDate date) {
            return normalized.contains(date);
        }

        @Override
        public Set<LocalDate> datesWithTypesNowKnown() {
            return typesNowKnown;
        }
    }

    private static List<String> plan(Facts facts, int... asked) {
        List<LocalDate> dates = java.util.Arrays.stream(asked).mapToObj(NightPlanTest::day).toList();
        return NightPlan.of(dates, facts).nights().stream()
                .map(n -> n.date().getDayOfMonth() + " " + n.cause() + (n.normalize() ? " normalize" : "")).toList();
    }

    @Test
    void anOrdinaryNightRunsAlone() {
        assertEquals(List.of("22 ASKED normalize"), plan(new Facts().ran(1, 2), 3));
        assertEquals(List.of("20 ASKED normalize"), plan(new Facts(), 1), "the first night ever");
    }

    @Test
    void aSkippedNightIsCaughtUpAndNormalized() {
        Facts facts = new Facts().ran(1);
        facts.captures.add(day(2));
        assertEquals(List.of("21 CAUGHT_UP normalize", "22 ASKED normalize"), plan(facts, 3));
    }

    @Test
    void aNightThatFailedAfterNormalizeIsCaughtUpWithoutNormalizingAgain() {
        Facts facts = new Facts().ran(1, 2);
        facts.completed.remove(day(2));
        assertEquals(List.of("21 CAUGHT_UP", "22 ASKED normalize"), plan(facts, 3));
    }

    @Test
    void aDayWithoutCapturesOrRunIsNotANight() {
        Facts facts = new Facts().ran(1, 3);
        assertEquals(List.of("23 ASKED normalize"), plan(facts, 4));
        facts.completed.remove(day(3));
        assertEquals(List.of("22 CAUGHT_UP", "23 ASKED normalize"), plan(facts, 4),
                "the walk goes back past a day without captures to the last completed night");
    }

    @Test
    void reRunningAnEarlierNightRecomputesTheLaterOnesAndNormalizesChangedCaptures() {
        Facts facts = new Facts().ran(1, 2, 3, 4);
        facts.normalized.remove(day(4));
        assertEquals(List.of("21 ASKED normalize", "22 RECOMPUTED", "23 RECOMPUTED normalize"), plan(facts, 2));
    }

    @Test
    void capturesWithTypesNowKnownAreNormalizedAgainAndEveryLaterNightRecomputed() {
        Facts facts = new Facts().ran(1, 2, 3);
        facts.typesNowKnown.add(day(1));
        assertEquals(List.of("20 RECOMPUTED normalize", "21 RECOMPUTED", "22 RECOMPUTED", "23 ASKED normalize"), plan(facts, 4));
    }
}
