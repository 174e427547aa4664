package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** The HTML report of a date. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML page of charts for a date: rates against SES's levels, volume,"
                + " top senders and destinations, suppression changes, quarantine.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the tables (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Last day of the report (default: yesterday, UTC).")
    LocalDate date;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the page (default: <warehouse>/exports/report/dt=D/report.html).")
    String out;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate day = date != null ? date : DateOptions.yesterday(Clock.systemUTC());
        ReportJob.Config config = Usage.check(spec, () -> new ReportJob.Config(warehouse, day, out));
        return Nightly.each("report", Usage.check(spec, catalog::catalog), warehouse, List.of(config),
                (spark, c) -> System.out.println("report " + c.date() + ": " + ReportJob.run(spark, c)));
    }
}
