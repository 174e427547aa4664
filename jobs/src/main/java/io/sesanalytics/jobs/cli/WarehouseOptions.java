package io.sesanalytics.jobs.cli;

import picocli.CommandLine.Option;

/** Where the tables are, for the commands that only look after the warehouse (no raw captures). */
public final class WarehouseOptions {
    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the output tables (default: ${DEFAULT-VALUE}).")
    String warehouse;
}
