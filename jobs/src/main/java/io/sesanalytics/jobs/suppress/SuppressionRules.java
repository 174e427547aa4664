package io.sesanalytics.jobs.suppress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The nightly suppression-list rules for one address: merge a night's bounces, complaints and deliveries
 * into the address's state, then decide whether it is added to, renewed on or released from the list.
 * Complaints and permanent bounces suppress for good; transient bounces suppress only when they recur,
 * and that suppression expires. Deliveries never lift a suppression.
 */
public final class SuppressionRules {
    private SuppressionRules() {
    }

    /**
     * transientThreshold bounces within transientWindowDays suppress; released transientExpiryDays after the
     * last one. Defaults 3, 7, 14.
     */
    public record Settings(int transientThreshold, int transientWindowDays, int transientExpiryDays)
            implements java.io.Serializable {
        public Settings {
            requireAtLeastOne("transientThreshold", transientThreshold);
            requireAtLeastOne("transientWindowDays", transientWindowDays);
            requireAtLeastOne("transientExpiryDays", transientExpiryDays);
        }

        public static Settings defaults() {
            return new Settings(3, 7, 14);
        }

        private static void requireAtLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
        }
    }

    /**
     * The state of one address after a night: the columns of the suppression table but its state_date
     * partition, in table order (SuppressionStateTest holds them to it). Lists are sorted ascending and never
     * null (empty instead).
     */
    public record State(String address, SuppressionStatus status, SuppressionReason reason,
                        SuppressionTrigger suppressionTrigger,
                        Instant firstSeen, Instant lastSeen,
                        long permanentBounces, long transientBounces, long complaints, long deliveriesAfterSuppression,
                        List<Instant> recentTransientBounces,
                        String lastDiagnosticCode, Instant lastDiagnosticAt,
                        List<String> sendingDomains,
                        LocalDate suppressedOn, LocalDate expiresOn, LocalDate releasedOn) {
    }

    /** What one night's events say about one address (recipient). Lists may be empty, never null. */
    public record Activity(String address,
                           List<Instant> permanentBounces,
                           List<Instant> transientBounces,
                           List<Instant> complaints,
                           List<Instant> deliveries,
                           String lastDiagnosticCode, Instant lastDiagnosticAt,
                           List<String> sendingDomains) {
    }

    /** One row of the history table; detail is a short human sentence. */
    public record Change(String address, LocalDate changeDate, SuppressionChange change, SuppressionReason reason,
                         SuppressionTrigger suppressionTrigger, String detail) {
    }

    /** state is null only if both inputs were null. */
    public record Outcome(State state, List<Change> changes) {
    }

    /**
     * @param previous the address's state after the previous night, or null
     * @param today    its activity tonight, or null
     */
    public static Outcome apply(State previous, Activity today, LocalDate runDate, Settings settings) {
        Objects.requireNonNull(runDate, "runDate");
        Objects.requireNonNull(settings, "settings");
        if (previous == null && today == null) {
            return new Outcome(null, List.of());
        }
        String address = addressOf(previous, today);
        Night night = new Night(today);
        Builder s = previous == null ? Builder.fresh(address) : new Builder(previous);
        s.address = address;
        merge(s, night, runDate, settings);
        Change change = decide(s, night, runDate, settings);
        return new Outcome(s.build(), change == null ? List.of() : List.of(change));
    }

    private static String addressOf(State previous, Activity today) {
        String before = previous == null ? null : previous.address();
        String tonight = today == null ? null : today.address();
        if (before != null && tonight != null && !before.equals(tonight)) {
            throw new IllegalArgumentException("previous state is for " + before + " but activity is for " + tonight);
        }
        return before != null ? before : tonight;
    }

    private static void merge(Builder s, Night night, LocalDate runDate, Settings settings) {
        for (Instant at : night.all) {
            s.firstSeen = s.firstSeen == null || at.isBefore(s.firstSeen) ? at : s.firstSeen;
            s.lastSeen = s.lastSeen == null || at.isAfter(s.lastSeen) ? at : s.lastSeen;
        }
        s.permanentBounces += night.permanentBounces.size();
        s.transientBounces += night.transientBounces.size();
        s.complaints += night.complaints.size();
        // Mail delivered to a suppressed address means a sender ignored the list; count it before deciding.
        if (s.status == SuppressionStatus.SUPPRESSED) {
            s.deliveriesAfterSuppression += night.deliveries.size();
        }
        LocalDate oldestKept = runDate.minusDays(settings.transientWindowDays());
        s.recentTransientBounces = sortedUnique(Stream.concat(s.recentTransientBounces.stream(),
                        night.transientBounces.stream())
                .filter(at -> LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(oldestKept))
                .toList());
        if (night.hasDiagnostic() && (s.lastDiagnosticAt == null
                || night.diagnosticAt != null && !night.diagnosticAt.isBefore(s.lastDiagnosticAt))) {
            s.lastDiagnosticCode = night.diagnosticCode;
            s.lastDiagnosticAt = night.diagnosticAt;
        }
        s.sendingDomains = sortedUnique(Stream.concat(s.sendingDomains.stream(), night.sendingDomains.stream())
                .toList());
    }

    private static Change decide(Builder s, Night night, LocalDate runDate, Settings settings) {
        boolean suppressed = s.status == SuppressionStatus.SUPPRESSED;
        if (!night.complaints.isEmpty()) {
            String detail = night.complaints.size() == 1 ? "complaint" : night.complaints.size() + " complaints";
            if (suppressed) {
                s.trigger(SuppressionTrigger.COMPLAINT);
                s.expiresOn = null;
                return s.change(runDate, SuppressionChange.RENEWED, detail);
            }
            s.suppress(SuppressionTrigger.COMPLAINT, runDate, null);
            return s.change(runDate, SuppressionChange.ADDED, detail);
        }
        if (!night.permanentBounces.isEmpty()) {
            String detail = night.diagnosticCode == null
                    ? "permanent bounce"
                    : "permanent bounce: " + night.diagnosticCode.strip().replaceAll("\\s+", " ");
            if (suppressed) {
                if (s.trigger == SuppressionTrigger.TRANSIENT_BOUNCES) {
                    s.trigger(SuppressionTrigger.PERMANENT_BOUNCE);
                    s.expiresOn = null;
                }
                return s.change(runDate, SuppressionChange.RENEWED, detail);
            }
            s.suppress(SuppressionTrigger.PERMANENT_BOUNCE, runDate, null);
            return s.change(runDate, SuppressionChange.ADDED, detail);
        }
        if (!night.transientBounces.isEmpty()) {
            if (suppressed) {
                if (s.trigger != SuppressionTrigger.TRANSIENT_BOUNCES) {
                    return null;
                }
                s.expiresOn = runDate.plusDays(settings.transientExpiryDays());
                return s.change(runDate, SuppressionChange.RENEWED,
                        plural(night.transientBounces.size(), "transient bounce") + ", expires " + s.expiresOn);
            }
            int recent = s.recentTransientBounces.size();
            if (recent >= settings.transientThreshold()) {
                s.suppress(SuppressionTrigger.TRANSIENT_BOUNCES, runDate,
                        runDate.plusDays(settings.transientExpiryDays()));
                return s.change(runDate, SuppressionChange.ADDED, plural(recent, "transient bounce") + " in "
                        + plural(settings.transientWindowDays(), "day"));
            }
            s.status = SuppressionStatus.WATCHING;
            return null;
        }
        if (suppressed && s.trigger == SuppressionTrigger.TRANSIENT_BOUNCES && s.expiresOn != null
                && !s.expiresOn.isAfter(runDate)) {
            // The expiry was set transientExpiryDays after the night of the last transient bounce.
            LocalDate lastBounceNight = s.expiresOn.minusDays(settings.transientExpiryDays());
            s.status = SuppressionStatus.RELEASED;
            s.releasedOn = runDate;
            return s.change(runDate, SuppressionChange.RELEASED, "no transient bounce since " + lastBounceNight);
        }
        return null;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static <T extends Comparable<? super T>> List<T> sortedUnique(Collection<T> values) {
        TreeSet<T> sorted = new TreeSet<>();
        for (T value : values) {
            if (value != null) {
                sorted.add(value);
            }
        }
        return List.copyOf(sorted);
    }

    private static <T> List<T> nonNull(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** Tonight's activity with null lists read as empty; an absent activity is an empty night. */
    private static final class Night {
        final List<Instant> permanentBounces, transientBounces, complaints, deliveries, all;
        final String diagnosticCode;
        final Instant diagnosticAt;
        final List<String> sendingDomains;

        Night(Activity a) {
            permanentBounces = a == null ? List.of() : nonNull(a.permanentBounces());
            transientBounces = a == null ? List.of() : nonNull(a.transientBounces());
            complaints = a == null ? List.of() : nonNull(a.complaints());
            deliveries = a == null ? List.of() : nonNull(a.deliveries());
            diagnosticCode = a == null ? null : a.lastDiagnosticCode();
            diagnosticAt = a == null ? null : a.lastDiagnosticAt();
            sendingDomains = a == null ? List.of() : nonNull(a.sendingDomains());
            List<Instant> every = new ArrayList<>(permanentBounces);
            every.addAll(transientBounces);
            every.addAll(complaints);
            every.addAll(deliveries);
            all = List.copyOf(every);
        }

        boolean hasDiagnostic() {
            return diagnosticCode != null || diagnosticAt != null;
        }
    }

    /** A mutable copy of a State, so the inputs are never touched. */
    private static final class Builder {
        String address;
        SuppressionStatus status;
        SuppressionReason reason;
        SuppressionTrigger trigger;
        Instant firstSeen, lastSeen;
        long permanentBounces, transientBounces, complaints, deliveriesAfterSuppression;
        List<Instant> recentTransientBounces;
        String lastDiagnosticCode;
        Instant lastDiagnosticAt;
        List<String> sendingDomains;
        LocalDate suppressedOn, expiresOn, releasedOn;

        private Builder() {
        }

        Builder(State p) {
            address = p.address();
            status = p.status();
            reason = p.reason();
            trigger = p.suppressionTrigger();
            firstSeen = p.firstSeen();
            lastSeen = p.lastSeen();
            permanentBounces = p.permanentBounces();
            transientBounces = p.transientBounces();
            complaints = p.complaints();
            deliveriesAfterSuppression = p.deliveriesAfterSuppression();
            recentTransientBounces = sortedUnique(nonNull(p.recentTransientBounces()));
            lastDiagnosticCode = p.lastDiagnosticCode();
            lastDiagnosticAt = p.lastDiagnosticAt();
            sendingDomains = sortedUnique(nonNull(p.sendingDomains()));
            suppressedOn = p.suppressedOn();
            expiresOn = p.expiresOn();
            releasedOn = p.releasedOn();
        }

        static Builder fresh(String address) {
            Builder b = new Builder();
            b.address = address;
            b.status = SuppressionStatus.WATCHING;
            b.recentTransientBounces = List.of();
            b.sendingDomains = List.of();
            return b;
        }

        void suppress(SuppressionTrigger newTrigger, LocalDate on, LocalDate expires) {
            status = SuppressionStatus.SUPPRESSED;
            trigger(newTrigger);
            suppressedOn = on;
            expiresOn = expires;
            releasedOn = null;
        }

        /** The reason follows the trigger: a complaint lists as COMPLAINT, any bounce as BOUNCE. */
        void trigger(SuppressionTrigger newTrigger) {
            trigger = newTrigger;
            reason = newTrigger.reason();
        }

        Change change(LocalDate on, SuppressionChange kind, String detail) {
            return new Change(address, on, kind, reason, trigger, detail);
        }

        State build() {
            return new State(address, status, reason, trigger, firstSeen, lastSeen,
                    permanentBounces, transientBounces, complaints, deliveriesAfterSuppression,
                    recentTransientBounces, lastDiagnosticCode, lastDiagnosticAt, sendingDomains,
                    suppressedOn, expiresOn, releasedOn);
        }
    }
}
