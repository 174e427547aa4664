package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.sessync.SesSyncJob;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.LocalDate;

/** Options of the SES suppression-list sync shared by ses-sync and nightly. */
public final class SesSyncOptions {
    @Option(names = "--import-job",
            description = "Put the addresses with SES import jobs (CreateImportJob) of the night's ses-import*.csv parts"
                    + " rather than one PutSuppressedDestination call each; needs the warehouse in S3 and a bucket policy"
                    + " that lets SES read the exports (see README).")
    boolean importJob;

    @Option(names = "--ses-region", paramLabel = "REGION",
            description = "Region of SES's suppression list (default: the AWS default region chain).")
    String region;

    @Option(names = "--ses-endpoint", paramLabel = "URL", hidden = true,
            description = "SES v2 endpoint to call instead of the region's.")
    URI endpoint;

    SesSyncJob.Config config(String warehouse, LocalDate date, boolean apply, String planFile) {
        return new SesSyncJob.Config(warehouse, date, apply, importJob, planFile, region, endpoint);
    }
}
