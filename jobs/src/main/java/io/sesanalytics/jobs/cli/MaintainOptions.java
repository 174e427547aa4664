package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.maintain.MaintainJob;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;

/** Options of the maintain job. */
public final class MaintainOptions {
    @Option(names = "--expire-days", defaultValue = "" + MaintainJob.DEFAULT_EXPIRE_DAYS, paramLabel = "DAYS",
            description = "Expire the snapshots older than this many days; the current one is always kept (default: ${DEFAULT-VALUE}).")
    int expireDays;

    @Option(names = "--min-input-files", defaultValue = "" + MaintainJob.DEFAULT_MIN_INPUT_FILES, paramLabel = "N",
            description = "Compact a partition only when it holds at least this many small files (default: ${DEFAULT-VALUE}).")
    int minInputFiles;

    @Option(names = "--target-file-mb", defaultValue = "" + MaintainJob.DEFAULT_TARGET_FILE_MB, paramLabel = "MB",
            description = "Size of the files compaction writes, in MiB (default: ${DEFAULT-VALUE}).")
    int targetFileMb;

    MaintainJob.Config config(String warehouse, Clock clock) {
        if (expireDays < 0) {
            throw new IllegalArgumentException("--expire-days must be 0 or more, not " + expireDays);
        }
        if (minInputFiles < 2) {
            throw new IllegalArgumentException("--min-input-files must be 2 or more, not " + minInputFiles);
        }
        if (targetFileMb < 1) {
            throw new IllegalArgumentException("--target-file-mb must be 1 or more, not " + targetFileMb);
        }
        return new MaintainJob.Config(warehouse, clock.instant().minus(Duration.ofDays(expireDays)), minInputFiles,
                targetFileMb * 1024L * 1024L);
    }
}
