package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.common.Checkpoints;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.suppress.SuppressionRules.Settings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The suppression list after the night of one run date: the state of the latest earlier night, updated
 * with the bounces, complaints and deliveries captured since, written as the {@code suppression} table
 * (one snapshot per state_date), the night's changes as {@code suppression_history}, and the CSV exports.
 */
public final class SuppressJob {
    private static final Logger LOG = LoggerFactory.getLogger(SuppressJob.class);

    public record Config(String warehouse, LocalDate date, Settings settings) {
        public Config {
            warehouse = Locations.normalize(warehouse);
            if (date == null) {
                throw new IllegalArgumentException("--date is required");
            }
            if (settings == null) {
                throw new IllegalArgumentException("suppression settings are required");
            }
        }

        /** The same settings for another date. */
        public Config withDate(LocalDate other) {
            return new Config(warehouse, other, settings);
        }
    }

    /**
     * What the run did, for the run summary.
     *
     * @param previousStateDate the night whose state was updated, or null on the first run
     * @param addresses         addresses in the state (suppressed, watched or released)
     * @param suppressed        suppressed addresses by reason
     * @param changes           changes of the night by kind
     * @param exports           rows written to each export file
     * @param sesImportLeftOut  suppressed addresses that could not go into ses-import.csv, listed in
     *                          ses-import-rejects.csv; anything but 0 needs someone to add them to SES another way
     */
    public record SuppressSummary(LocalDate date, LocalDate previousStateDate, long addresses,
                                  Map<String, Long> suppressed, Map<String, Long> changes, Map<String, Long> exports,
                                  long sesImportLeftOut) {
    }

    private SuppressJob() {
    }

    public static SuppressSummary run(SparkSession spark, Config config) {
        LocalDate date = config.date();
        Optional<LocalDate> previousDate = previousStateDate(spark, config.warehouse(), date);
        Dataset<Row> previous = previousDate
                .map(d -> TableWriter.read(spark, Table.SUPPRESSION, config.warehouse())
                        .filter(col("state_date").equalTo(lit(d))))
                .orElseGet(() -> spark.createDataFrame(java.util.List.of(), Table.SUPPRESSION.schema()));
        // Captures after the previous night's state, so that a skipped night is caught up, not lost.
        Dataset<Row> activity = SuppressionActivity.of(TableWriter.read(spark, Table.EVENTS, config.warehouse()),
                previous, previousDate.orElse(null), date);
        // Checkpointed rather than cached: a write to a path makes Spark recompute the cached data read from it,
        // and the outcomes read the suppression table that they are written to.
        Dataset<Row> outcomes = Checkpoints.keep(SuppressionUpdate.apply(previous, activity, date, config.settings()),
                config.warehouse());
        try {
            Dataset<Row> states = SuppressionUpdate.states(outcomes, date);
            Dataset<Row> changes = SuppressionUpdate.changes(outcomes, date);
            long addresses = replacePartition(spark, states, Table.SUPPRESSION, config.warehouse(), "state_date", date);
            replacePartition(spark, changes, Table.SUPPRESSION_HISTORY, config.warehouse(), "change_date", date);
            Map<String, Long> exports = SuppressionExports.write(spark, states, changes, config.warehouse(), date);
            SuppressSummary summary = new SuppressSummary(date, previousDate.orElse(null), addresses,
                    countBy(states.filter(col("status").equalTo(SuppressionStatus.SUPPRESSED.name())), "reason"),
                    countBy(changes, "change"), exports,
                    exports.getOrDefault(SuppressionExports.SES_IMPORT_REJECTS, 0L));
            RunSummaries.putSection(spark, config.warehouse(), date, "suppress", summary);
            LOG.info("suppression list of {}: {} addresses, suppressed {}, changes {}", date, addresses,
                    summary.suppressed(), summary.changes());
            if (summary.sesImportLeftOut() > 0) {
                LOG.warn("suppression list of {}: {} suppressed address(es) could not go into ses-import.csv; see {}/{}",
                        date, summary.sesImportLeftOut(), SuppressionExports.folder(config.warehouse(), date),
                        SuppressionExports.SES_IMPORT_REJECTS);
            }
            return summary;
        } finally {
            Checkpoints.release(outcomes);
        }
    }

    /** The latest state_date before the date, if any night ran before it. */
    static Optional<LocalDate> previousStateDate(SparkSession spark, String warehouse, LocalDate date) {
        return TableWriter.partitionDates(spark, Table.SUPPRESSION, warehouse, "state_date").stream()
                .filter(d -> d.isBefore(date))
                .max(LocalDate::compareTo);
    }

    /**
     * Replaces the date's rows with the rows, in one commit. Returns the rows read back from the table.
     */
    private static long replacePartition(SparkSession spark, Dataset<Row> rows, Table table, String warehouse,
                                         String partitionColumn, LocalDate date) {
        long expected = rows.count();
        TableWriter.replaceWhere(spark, rows, table, warehouse, col(partitionColumn).equalTo(lit(date)));
        long readBack = TableWriter.read(spark, table, warehouse).filter(col(partitionColumn).equalTo(lit(date))).count();
        if (readBack != expected) {
            throw new IllegalStateException(table.tableName() + " " + partitionColumn + "=" + date + ": wrote "
                    + expected + " rows but reads back " + readBack);
        }
        return readBack;
    }

    private static Map<String, Long> countBy(Dataset<Row> rows, String column) {
        Map<String, Long> counts = new TreeMap<>();
        rows.groupBy(column).count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
        return counts;
    }
}
