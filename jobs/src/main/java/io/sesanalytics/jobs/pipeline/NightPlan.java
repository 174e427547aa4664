package io.sesanalytics.jobs.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which nights a nightly run runs, oldest first: the dates asked for; before them, every capture date since the
 * last night that completed which has captures but never completed (a failed or skipped night, caught up); and
 * after them, every later night that had completed, since its suppression state and rolling stats were computed
 * from what is now being replaced (recomputed). A capture date with lines quarantined for a type that is known
 * now is normalized again, and every night after it recomputed. A night normalizes its captures when asked for,
 * or when they were never normalized, have changed since or hold such lines; aggregate and suppress run in every
 * night.
 */
public record NightPlan(List<Night> nights) {
    /** Why a night is in the plan. */
    public enum Cause {
        ASKED,
        /** A night since the last completed one that never completed itself. */
        CAUGHT_UP,
        /** A night after the dates asked for that had completed. */
        RECOMPUTED
    }

    public record Night(LocalDate date, Cause cause, boolean normalize) {
    }

    /** What the plan needs to know of the warehouse and the raw captures. */
    public interface History {
        /** The nights that ever wrote a run summary, in date order. */
        List<LocalDate> datesWithSummaries();

        /** Whether normalize, aggregate and suppress all completed for the date since its captures last changed. */
        boolean completed(LocalDate date);

        boolean hasCaptures(LocalDate date);

        /** Whether the captures of the date were normalized, and have not changed since. */
        boolean normalized(LocalDate date);

        /** Capture dates with lines quarantined for an event or notification type that is known now. */
        Set<LocalDate> datesWithTypesNowKnown();
    }

    public static NightPlan of(List<LocalDate> asked, History history) {
        LocalDate first = asked.get(0);
        LocalDate last = asked.get(asked.size() - 1);
        List<LocalDate> known = history.datesWithSummaries();
        Set<LocalDate> typesNowKnown = history.datesWithTypesNowKnown();
        LocalDate from = first;
        Optional<LocalDate> earliest = known.stream().findFirst();
        if (earliest.isPresent()) {
            // Back to the last night that completed: the suppression state the first date asked for starts from.
            for (LocalDate date = first.minusDays(1); !date.isBefore(earliest.get()) && !history.completed(date);
                 date = date.minusDays(1)) {
                from = date;
            }
        }
        for (LocalDate date : typesNowKnown) {
            from = date.isBefore(from) ? date : from;
        }
        LocalDate to = known.stream().filter(date -> date.isAfter(last)).reduce((a, b) -> b).orElse(last);
        List<Night> nights = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (asked.contains(date)) {
                nights.add(new Night(date, Cause.ASKED, true));
                continue;
            }
            boolean captures = history.hasCaptures(date);
            if (!captures && !known.contains(date)) {
                continue;
            }
            boolean normalize = typesNowKnown.contains(date) || (captures && !history.normalized(date));
            Cause cause = date.isBefore(first) && !history.completed(date) ? Cause.CAUGHT_UP : Cause.RECOMPUTED;
            nights.add(new Night(date, cause, normalize));
        }
        return new NightPlan(List.copyOf(nights));
    }

    public List<LocalDate> dates(Cause cause) {
        return nights.stream().filter(night -> night.cause() == cause).map(Night::date).toList();
    }
}
