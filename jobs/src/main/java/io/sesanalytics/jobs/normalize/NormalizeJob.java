package io.sesanalytics.jobs.normalize;

import io.sesanalytics.jobs.common.Checkpoints;
import io.sesanalytics.jobs.common.EventTimeWindow;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Schemas;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * The normalize job: raw captures of one capture date (plus a lookback for deduplication) into the
 * events, received, received_destinations and quarantine tables, and the normalize section of the run
 * summary.
 */
public final class NormalizeJob {
    private static final Logger LOG = LoggerFactory.getLogger(NormalizeJob.class);

    public static final int DEFAULT_LOOKBACK_DAYS = 3;

    /**
     * @param raw          root of the capture layout
     * @param warehouse    root of the output tables
     * @param date         the capture date to normalize
     * @param lookbackDays earlier capture dates read to recognise copies already written
     * @param eventWindow  the event dates a capture date may hold; events outside are quarantined as implausible
     */
    public record Config(String raw, String warehouse, LocalDate date, int lookbackDays, EventTimeWindow eventWindow) {
        public Config {
            if (eventWindow == null) {
                eventWindow = EventTimeWindow.DEFAULT;
            }
            raw = Locations.normalize(raw);
            warehouse = Locations.normalize(warehouse);
            if (date == null) {
                throw new IllegalArgumentException("--date is required");
            }
            if (lookbackDays < 0 || lookbackDays > 30) {
                throw new IllegalArgumentException("--lookback-days must be between 0 and 30, not " + lookbackDays);
            }
        }

        /** Settings with the {@link EventTimeWindow#DEFAULT default} event window. */
        public Config(String raw, String warehouse, LocalDate date, int lookbackDays) {
            this(raw, warehouse, date, lookbackDays, EventTimeWindow.DEFAULT);
        }

        /** The same settings for another capture date. */
        public Config withDate(LocalDate other) {
            return new Config(raw, warehouse, other, lookbackDays, eventWindow);
        }
    }

    private NormalizeJob() {
    }

    public static NormalizeSummary run(SparkSession spark, Config config) {
        LocalDate from = config.date().minusDays(config.lookbackDays());
        List<LocalDate> lookback = RawCaptures.datesPresent(spark, config.raw(), from, config.date().minusDays(1));
        // Earlier dates take part through the keys their runs kept; a date without them (a first run, or
        // captures added later) is parsed again.
        List<LocalDate> withKeys = RecordKeys.present(spark, config.warehouse(), lookback);
        // Parsed once and kept as Spark's binary rows, which every output below reads again; the columnar
        // cache would first encode the nested event rows column by column.
        Dataset<Row> parsed = Checkpoints.keep(parse(readRaw(spark, config.raw(), config.date(), lookback, withKeys),
                config.eventWindow()));
        Dataset<Row> earlier = withKeys.isEmpty() ? null : RecordKeys.read(spark, config.warehouse(), withKeys);
        Dataset<Row> duplicates = Deduplication.duplicates(parsed, earlier).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            duplicates.count();
            Dataset<Row> resolved = Deduplication.resolve(parsed, duplicates)
                    .filter(col("capture_date").equalTo(lit(config.date())));
            NormalizeSummary summary = NormalizeSummary.of(config.date(), lookback, NormalizeOutputs.lineOutcomes(resolved));
            if (!summary.balanced()) {
                throw new IllegalStateException("raw lines are not all accounted for: " + summary);
            }
            Dataset<Row> received = NormalizeOutputs.received(resolved);
            write(spark, config, Table.EVENTS, NormalizeOutputs.events(resolved));
            write(spark, config, Table.RECEIVED, received);
            write(spark, config, Table.RECEIVED_DESTINATIONS, NormalizeOutputs.receivedDestinations(received));
            write(spark, config, Table.QUARANTINE, NormalizeOutputs.quarantine(resolved));
            RecordKeys.write(RecordKeys.of(parsed, config.date()), config.warehouse());
            verifyWritten(spark, config, summary);
            RunSummaries.putSection(spark, config.warehouse(), config.date(), "normalize", summary);
            LOG.info("normalized capture date {}: {} raw lines, {} event rows, {} received, {} duplicates, {} quarantined",
                    config.date(), summary.rawLines(), summary.eventRows(), summary.receivedRows(),
                    summary.duplicateLines(), summary.quarantinedLines());
            return summary;
        } finally {
            duplicates.unpersist();
            Checkpoints.release(parsed);
        }
    }

    /** The raw lines of the date, and of the lookback dates whose keys were not kept. */
    private static Dataset<Row> readRaw(SparkSession spark, String raw, LocalDate date, List<LocalDate> lookback,
                                        List<LocalDate> withKeys) {
        Dataset<Row> lines = RawCaptures.read(spark, raw, date, date);
        for (LocalDate earlier : lookback) {
            if (!withKeys.contains(earlier)) {
                lines = lines.unionByName(RawCaptures.read(spark, raw, earlier, earlier));
            }
        }
        return lines;
    }

    private static void write(SparkSession spark, Config config, Table table, Dataset<Row> rows) {
        TableWriter.replaceCaptureDate(spark, rows, table, config.warehouse(), config.date());
    }

    /**
     * Parses every raw line into exactly one {@link Schemas#PARSED_LINE} row. The parser reads and builds
     * Spark's internal rows, so that no row is converted from Java objects; {@code internalCreateDataFrame}
     * is Spark's entry for such rows (package-private in Scala, public to Java).
     */
    public static Dataset<Row> parse(Dataset<Row> rawLines) {
        return parse(rawLines, EventTimeWindow.DEFAULT);
    }

    /** {@link #parse(Dataset)}, quarantining events outside the given window around their capture date. */
    public static Dataset<Row> parse(Dataset<Row> rawLines, EventTimeWindow window) {
        RDD<InternalRow> lines = rawLines.withColumn("line_id", monotonically_increasing_id())
                .select("line_id", "value", "capture_date", "source_file")
                .queryExecution().toRdd();
        RDD<InternalRow> parsed = lines.toJavaRDD()
                .mapPartitions((FlatMapFunction<Iterator<InternalRow>, InternalRow>) partition -> parsePartition(partition, window))
                .rdd();
        return rawLines.sparkSession().internalCreateDataFrame(parsed, Schemas.PARSED_LINE, false);
    }

    /** Lines as (line_id, value, capture_date, source_file) into parsed lines. */
    private static Iterator<InternalRow> parsePartition(Iterator<InternalRow> lines, EventTimeWindow window) {
        SesLineParser parser = new SesLineParser(window);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public InternalRow next() {
                InternalRow line = lines.next();
                // The line is parsed before the next is read; the file name is kept in the row.
                return parser.parseToInternalRow(line.getLong(0), line.getUTF8String(1),
                        LocalDate.ofEpochDay(line.getInt(2)), line.getUTF8String(3).clone());
            }
        };
    }

    /** Reads back what was written for the capture date and fails the run if it differs from the summary. */
    private static void verifyWritten(SparkSession spark, Config config, NormalizeSummary summary) {
        Map<Table, Long> expected = new LinkedHashMap<>();
        expected.put(Table.EVENTS, summary.eventRows());
        expected.put(Table.RECEIVED, summary.receivedRows());
        expected.put(Table.RECEIVED_DESTINATIONS, summary.receivedDestinationRows());
        expected.put(Table.QUARANTINE, summary.quarantinedLines());
        expected.forEach((table, rows) -> {
            long found = TableWriter.countCaptured(spark, table, config.warehouse(), config.date());
            if (found != rows) {
                throw new IllegalStateException(table.tableName() + " holds " + found + " rows for capture date "
                        + config.date() + " where " + rows + " were written");
            }
        });
    }
}
