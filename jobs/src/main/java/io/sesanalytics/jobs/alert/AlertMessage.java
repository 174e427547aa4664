package io.sesanalytics.jobs.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The SNS message of a night's reputation alerts, for a person: a subject under SNS's 100 characters and a
 * plain-text body listing the keys that entered WARNING or AT_RISK, then those still there.
 */
public record AlertMessage(String subject, String body) {
    static final int SUBJECT_MAX = 100;

    public static AlertMessage of(LocalDate date, List<ReputationAlert> alerts) {
        List<ReputationAlert> entered = alerts.stream().filter(ReputationAlert::entered).toList();
        List<ReputationAlert> still = alerts.stream().filter(a -> !a.entered()).toList();
        long atRisk = entered.stream().filter(a -> a.level().equals("AT_RISK")).count();
        String subject = String.format(Locale.ROOT, "SES reputation %s: %d entered WARNING or AT_RISK%s", date,
                entered.size(), atRisk > 0 ? " (" + atRisk + " AT_RISK)" : "");
        StringBuilder body = new StringBuilder();
        body.append("Amazon SES reputation alerts for ").append(date).append(" (rolling window rates).\n")
                .append("SES reviews an account at a bounce rate of 5 % and may pause it at 10 %;")
                .append(" for complaints at 0.1 % and 0.5 %.\n\n");
        section(body, "Entered WARNING or AT_RISK on " + date, entered);
        if (!still.isEmpty()) {
            body.append('\n');
            section(body, "Still WARNING or AT_RISK since an earlier day", still);
        }
        return new AlertMessage(subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX) : subject, body.toString());
    }

    private static void section(StringBuilder body, String title, List<ReputationAlert> alerts) {
        body.append(title).append(":\n");
        if (alerts.isEmpty()) {
            body.append("  (none)\n");
        }
        for (ReputationAlert a : alerts) {
            body.append(String.format(Locale.ROOT, "  %s %s [%s]: bounce rate %s (%s), complaint rate %s (%s), %,d messages in %d days%n",
                    a.dimension(), a.key().isEmpty() ? "(none)" : a.key(), a.level(), percent(a.bounceRate()), a.bounceStatus(),
                    percent(a.complaintRate()), a.complaintStatus(), a.windowVolume(), a.windowDays()));
        }
    }

    static String percent(Double rate) {
        return rate == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }
}
