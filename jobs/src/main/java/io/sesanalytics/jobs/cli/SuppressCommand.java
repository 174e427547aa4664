package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.suppress.SuppressJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** The suppression list and its exports from the normalized events. */
@Command(name = "suppress", mixinStandardHelpOptions = true,
        description = "Update the suppression list with a date's bounces and complaints (or a range, oldest first) and export it as CSV.")
public final class SuppressCommand implements Callable<Integer> {
    @Mixin
    LocationOptions locations;

    @Mixin
    DateOptions dates;

    @Mixin
    SuppressOptions options;

    @Override
    public Integer call() {
        return Nightly.eachDate("suppress", dates, (spark, date) ->
                Nightly.printSuppress(SuppressJob.run(spark, options.config(locations.warehouse, date))));
    }
}
