package io.sesanalytics.jobs.cli;

import picocli.CommandLine.Option;

/** Where the raw captures are and where the tables go. */
public final class LocationOptions {
    @Option(names = "--raw", defaultValue = "raw", paramLabel = "URI",
            description = "Root of the capture layout: a local path, file:, s3a: or s3: URI (default: ${DEFAULT-VALUE}).")
    String raw;

    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the output tables (default: ${DEFAULT-VALUE}).")
    String warehouse;
}
