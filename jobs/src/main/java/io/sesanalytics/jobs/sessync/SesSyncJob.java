package io.sesanalytics.jobs.sessync;

import io.sesanalytics.jobs.common.AwsClients;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Brings SES's account-level suppression list in line with the night's suppression state: puts the addresses
 * we suppress for a bounce or complaint that SES does not list, and deletes the addresses that this tool added
 * and that we have released since. Without {@code apply} it only plans. What it added is kept in
 * {@link SesSyncLedger}; what it did goes into the run summary's {@value #SECTION} section.
 */
public final class SesSyncJob {
    private static final Logger LOG = LoggerFactory.getLogger(SesSyncJob.class);
    public static final String SECTION = "ses_sync";
    /** Calls between writes of the record, so that a run stopped midway forgets little of what it added. */
    static final int RECORD_EVERY = 500;
    private static final Pattern IMPORT_PART = Pattern.compile("ses-import(-[0-9]+)?\\.csv");

    /**
     * @param warehouse root of the tables
     * @param date      the state date whose suppression list SES should hold
     * @param apply     change SES; otherwise only plan
     * @param importJob put the addresses with SES import jobs of the night's ses-import*.csv parts, which must be
     *                  in S3 (the warehouse on S3), rather than one call per address
     * @param planFile  where to write the plan's addresses as CSV (action,address,reason), or null
     * @param region    SES's region, or null for the AWS default region chain
     * @param endpoint  an SES endpoint to call instead of the region's, or null
     */
    public record Config(String warehouse, LocalDate date, boolean apply, boolean importJob, String planFile,
                         String region, URI endpoint) {
        public Config {
            warehouse = Locations.normalize(warehouse);
            if (date == null) {
                throw new IllegalArgumentException("--date is required");
            }
            if (importJob && !(warehouse.startsWith("s3://") || warehouse.startsWith("s3a://"))) {
                throw new IllegalArgumentException("--import-job needs the warehouse in S3 (s3:// or s3a://), where"
                        + " SES reads the ses-import*.csv parts; the warehouse is " + warehouse);
            }
        }

        public Config withDate(LocalDate other) {
            return new Config(warehouse, other, apply, importJob, planFile, region, endpoint);
        }
    }

    /**
     * What a run planned and did, for the run summary; counts only, no addresses.
     *
     * @param sesListed   addresses SES listed before the run
     * @param suppressed  addresses of the night suppressed for a bounce or complaint
     * @param refused     planned calls that SES refused as a bad request (such as an address it does not take)
     * @param importJobs  ids of the import jobs created
     * @param recorded    addresses in the record of what this tool added, after the run
     */
    public record SesSyncSummary(LocalDate date, boolean applied, String mode, long sesListed, long suppressed,
                                 long plannedPuts, long plannedDeletes, long forgotten, long put, long deleted,
                                 long refused, List<String> importJobs, String record, long recorded) {
    }

    /** The plan, for printing, and the summary. */
    public record Outcome(SesSyncPlan plan, SesSyncSummary summary) {
    }

    private SesSyncJob() {
    }

    public static SesV2Client client(Config config) {
        return AwsClients.build(SesV2Client.builder(), config.region(), config.endpoint(), TooManyRequestsException.class);
    }

    public static Outcome run(SparkSession spark, Config config) {
        try (SesV2Client ses = client(config)) {
            return run(spark, config, new SesSuppressionList(ses));
        }
    }

    public static Outcome run(SparkSession spark, Config config, SesSuppressionList ses) {
        LocalDate date = config.date();
        if (!RunSummaries.read(spark, config.warehouse(), date).has("suppress")) {
            throw new IllegalStateException("no suppression state for " + date + " in " + config.warehouse()
                    + ": run the night (nightly or suppress) first");
        }
        Map<String, String> ours = suppressed(spark, config.warehouse(), date);
        Map<String, String> listed = ses.list();
        SesSyncLedger ledger = SesSyncLedger.read(spark, config.warehouse());
        SesSyncPlan plan = SesSyncPlan.of(ours, listed, ledger.added().keySet());
        LOG.info("SES sync {}: {} suppressed, SES lists {}, plan: {} put, {} delete, {} forgotten", date, ours.size(),
                listed.size(), plan.puts().size(), plan.deletes().size(), plan.forgotten().size());
        if (config.planFile() != null) {
            writePlan(spark, config.planFile(), plan);
        }
        long[] done = new long[3];
        List<String> jobs = new ArrayList<>();
        if (config.apply() && !plan.isEmpty()) {
            apply(spark, config, ses, plan, ledger, done, jobs);
        }
        SesSyncSummary summary = new SesSyncSummary(date, config.apply(), config.importJob() ? "import_job" : "calls",
                listed.size(), ours.size(), plan.puts().size(), plan.deletes().size(), plan.forgotten().size(),
                done[0], done[1], done[2], List.copyOf(jobs), ledger.location(), ledger.added().size());
        RunSummaries.putSection(spark, config.warehouse(), date, SECTION, summary);
        return new Outcome(plan, summary);
    }

    /** The night's addresses suppressed for a reason SES takes, with the reason. */
    static Map<String, String> suppressed(SparkSession spark, String warehouse, LocalDate date) {
        Map<String, String> ours = new TreeMap<>();
        for (Row row : TableWriter.read(spark, Table.SUPPRESSION, warehouse)
                .filter(col("state_date").equalTo(lit(date)).and(col("status").equalTo("SUPPRESSED"))
                        .and(col("reason").isin("BOUNCE", "COMPLAINT")))
                .select("address", "reason").collectAsList()) {
            ours.put(row.getString(0), row.getString(1));
        }
        return ours;
    }

    private static void apply(SparkSession spark, Config config, SesSuppressionList ses, SesSyncPlan plan,
                              SesSyncLedger ledger, long[] done, List<String> jobs) {
        int calls = 0;
        try {
            plan.forgotten().forEach(ledger::remove);
            for (String address : plan.deletes()) {
                try {
                    ses.delete(address);
                    done[1]++;
                } catch (NotFoundException gone) {
                    // Removed in SES between the listing and now: the outcome wanted.
                }
                ledger.remove(address);
                if (++calls % RECORD_EVERY == 0) {
                    ledger.write(spark);
                }
            }
            if (config.importJob()) {
                if (!plan.puts().isEmpty()) {
                    for (String part : importParts(spark, config.warehouse(), config.date())) {
                        jobs.add(ses.importCsv(part));
                    }
                    // The import jobs run asynchronously; what they put is the planned puts (the rest SES listed).
                    plan.puts().forEach((address, reason) -> ledger.add(address, reason, config.date()));
                    done[0] = plan.puts().size();
                    LOG.info("SES sync {}: {} import job(s) created for {} address(es) to put", config.date(),
                            jobs.size(), plan.puts().size());
                }
            } else {
                for (Map.Entry<String, String> put : plan.puts().entrySet()) {
                    try {
                        ses.put(put.getKey(), put.getValue());
                        ledger.add(put.getKey(), put.getValue(), config.date());
                        done[0]++;
                    } catch (BadRequestException refused) {
                        done[2]++;
                    }
                    if (++calls % RECORD_EVERY == 0) {
                        ledger.write(spark);
                    }
                }
            }
        } finally {
            ledger.write(spark);
        }
        if (done[2] > 0) {
            LOG.warn("SES sync {}: SES refused {} address(es); they are not on SES's suppression list", config.date(), done[2]);
        }
    }

    /** The s3:// URLs of the night's ses-import.csv parts that hold addresses. */
    static List<String> importParts(SparkSession spark, String warehouse, LocalDate date) {
        List<String> parts = new ArrayList<>();
        for (String path : Storage.glob(spark, warehouse + "/exports/suppression/dt=" + date + "/ses-import*.csv")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (IMPORT_PART.matcher(name).matches() && Storage.read(spark, path).length > 0) {
                parts.add(s3Url(path));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("no ses-import*.csv part with addresses for " + date + " under " + warehouse);
        }
        parts.sort(null);
        return parts;
    }

    /** An S3 location as SES names it: s3://bucket/key. */
    static String s3Url(String location) {
        return location.replaceFirst("^s3a://", "s3://");
    }

    private static void writePlan(SparkSession spark, String location, SesSyncPlan plan) {
        Storage.write(spark, location, out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("action", "address", "reason").build());
            for (Map.Entry<String, String> put : plan.puts().entrySet()) {
                csv.printRecord("put", put.getKey(), put.getValue());
            }
            for (String address : plan.deletes()) {
                csv.printRecord("delete", address, "");
            }
            for (String address : plan.forgotten()) {
                csv.printRecord("forget", address, "");
            }
            csv.flush();
        });
    }
}
