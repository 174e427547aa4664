package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.normalize.NormalizeSummary;

/** Prints run results for a person at a terminal. */
final class Nightly {
    private Nightly() {
    }

    static void printNormalize(NormalizeSummary s) {
        System.out.printf("normalize %s: %,d raw lines -> %,d event rows (%,d events), %,d received, "
                        + "%,d duplicates %s, %,d quarantined %s%n",
                s.captureDate(), s.rawLines(), s.eventRows(), s.eventRecords(), s.receivedRows(),
                s.duplicateLines(), s.duplicates(), s.quarantinedLines(), s.quarantined());
    }

    static void printWhere(String warehouse, java.time.LocalDate date) {
        String root = Locations.normalize(warehouse);
        System.out.println("tables:  " + root + "/{events,received,received_destinations,quarantine}");
        System.out.println("summary: " + Locations.runSummary(root, date));
    }
}
