package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.sessync.SesSyncJob;
import io.sesanalytics.jobs.sessync.SesSyncPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** SES's account-level suppression list brought in line with a night's suppression state. */
@Command(name = "ses-sync", mixinStandardHelpOptions = true,
        description = "Plan (and with --apply make) the changes that bring SES's account-level suppression list in line"
                + " with a night's suppressed addresses.")
public final class SesSyncCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the tables (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The night whose suppression state SES should hold (default: yesterday, UTC).")
    LocalDate date;

    @Option(names = "--apply", description = "Change SES's list; without it the plan is printed and nothing changes.")
    boolean apply;

    @Option(names = "--plan-file", paramLabel = "URI",
            description = "Write the planned addresses as CSV (action,address,reason) to this file.")
    String planFile;

    @Mixin
    SesSyncOptions ses;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : DateOptions.yesterday(Clock.systemUTC());
        SesSyncJob.Config config = Usage.check(spec, () -> ses.config(warehouse, day, apply, planFile));
        boolean verbose = SesAnalytics.verbose(spec.commandLine());
        return Nightly.each("ses-sync", Usage.check(spec, catalog::catalog), warehouse, List.of(config),
                (spark, c) -> printSesSync(SesSyncJob.run(spark, c), verbose));
    }

    static void printSesSync(SesSyncJob.Outcome outcome, boolean addresses) {
        SesSyncJob.SesSyncSummary s = outcome.summary();
        System.out.printf("ses-sync %s: %,d suppressed, SES lists %,d; plan: %,d to put, %,d to delete, %,d to forget%n",
                s.date(), s.suppressed(), s.sesListed(), s.plannedPuts(), s.plannedDeletes(), s.forgotten());
        if (addresses) {
            SesSyncPlan plan = outcome.plan();
            plan.puts().forEach((address, reason) -> System.out.println("  put " + address + " " + reason));
            plan.deletes().forEach(address -> System.out.println("  delete " + address));
            plan.forgotten().forEach(address -> System.out.println("  forget " + address));
        }
        if (s.applied()) {
            System.out.printf("ses-sync %s: applied (%s): %,d put, %,d deleted, %,d refused by SES%s; %,d address(es) recorded"
                            + " as added by this tool in %s%n", s.date(), s.mode(), s.put(), s.deleted(), s.refused(),
                    s.importJobs().isEmpty() ? "" : ", import jobs " + s.importJobs(), s.recorded(), s.record());
        } else {
            System.out.printf("ses-sync %s: plan only, nothing changed (--apply changes SES's list)%n", s.date());
        }
    }
}
