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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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
        List<LocalDate> read = new ArrayList<>(List.of(config.date()));
        lookback.stream().filter(date -> !withKeys.contains(date)).forEach(read::add);
        List<RawCaptures.RawObject> objects = RawCaptures.list(spark, config.raw(), read);
        List<RawCaptures.RawObject> ofDate = objects.stream().filter(o -> o.captureDate().equals(config.date())).toList();
        // Until this run succeeds, the date counts as not normalized (see NormalizeRecord).
        NormalizeRecord.forget(spark, config.warehouse(), config.date());
        // Parsed once and kept as Spark's binary rows, which every output below reads again; the columnar
        // cache would first encode the nested event rows column by column.
        Dataset<Row> parsed = Checkpoints.keep(parse(RawCaptures.read(spark, objects), config.eventWindow()),
                config.warehouse());
        // The counts, the deduplication, the record keys, the received and the quarantined lines read this index of
        // the kept lines, which leaves out their event rows.
        Dataset<Row> lines = Checkpoints.cacheOnDisk(NormalizeOutputs.lineIndex(parsed));
        Dataset<Row> earlier = withKeys.isEmpty() ? null : RecordKeys.read(spark, config.warehouse(), withKeys);
        Dataset<Row> duplicates = Deduplication.duplicates(lines, earlier).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> received = null;
        Column capturedOnDate = col("capture_date").equalTo(lit(config.date()));
        try {
            duplicates.count();
            // Counted from the lines as read, before any outcome is decided, so that the outcomes can be checked.
            long linesRead = lines.filter(capturedOnDate).count();
            Dataset<Row> resolvedLines = Deduplication.resolve(lines, duplicates).filter(capturedOnDate);
            NormalizeSummary summary = NormalizeSummary.of(config.date(), lookback, linesRead, resolvedLines);
            if (!summary.balanced()) {
                throw new IllegalStateException("capture date " + config.date() + ": raw lines are not all accounted for: "
                        + summary.accounting());
            }
            // Only the events are taken from the kept lines; the rest of every line is in the index.
            write(spark, config, Table.EVENTS, NormalizeOutputs.events(
                    Deduplication.resolve(parsed, duplicates).filter(capturedOnDate)));
            // Both received tables are written from the same few rows, taken once from the index.
            received = Checkpoints.cacheOnDisk(NormalizeOutputs.received(resolvedLines));
            write(spark, config, Table.RECEIVED, received);
            write(spark, config, Table.RECEIVED_DESTINATIONS, NormalizeOutputs.receivedDestinations(received));
            write(spark, config, Table.QUARANTINE, NormalizeOutputs.quarantine(resolvedLines));
            RecordKeys.write(spark, RecordKeys.of(lines, config.date()), config.warehouse(), config.date());
            verifyWritten(spark, config, summary);
            RunSummaries.putSection(spark, config.warehouse(), config.date(), "normalize", summary);
            NormalizeRecord.remember(spark, config.warehouse(), config.date(), ofDate);
            LOG.info("normalized capture date {}: {} raw lines, {} event rows, {} received, {} duplicates, {} quarantined",
                    config.date(), summary.rawLines(), summary.eventRows(), summary.receivedRows(),
                    summary.duplicateLines(), summary.quarantinedLines());
            return summary;
        } finally {
            if (received != null) {
                Checkpoints.release(received);
            }
            duplicates.unpersist();
            Checkpoints.release(lines);
            Checkpoints.release(parsed);
        }
    }

    private static void write(SparkSession spark, Config config, Table table, Dataset<Row> rows) {
        TableWriter.replaceCaptureDate(spark, rows, table, config.warehouse(), config.date());
    }

    /**
     * Parses every raw line ({@link RawCaptures#RAW_LINE}) into exactly one {@link Schemas#PARSED_LINE} row. The
     * parser reads and builds Spark's internal rows, so that no row is converted from Java objects;
     * {@code internalCreateDataFrame} is Spark's entry for such rows (package-private in Scala, public to Java).
     */
    public static Dataset<Row> parse(Dataset<Row> rawLines) {
        return parse(rawLines, EventTimeWindow.DEFAULT);
    }

    /** {@link #parse(Dataset)}, quarantining events outside the given window around their capture date. */
    public static Dataset<Row> parse(Dataset<Row> rawLines, EventTimeWindow window) {
        RDD<InternalRow> lines = rawLines
                .select("line_id", "value", "capture_date", "source_file", "unreadable", "unreadable_detail")
                .queryExecution().toRdd();
        RDD<InternalRow> parsed = lines.toJavaRDD()
                .mapPartitions((FlatMapFunction<Iterator<InternalRow>, InternalRow>) partition -> parsePartition(partition, window))
                .rdd();
        return rawLines.sparkSession().internalCreateDataFrame(parsed, Schemas.PARSED_LINE, false);
    }

    /** Raw lines into parsed lines; a line standing for an unreadable part of an object is quarantined as such. */
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
                LocalDate captureDate = LocalDate.ofEpochDay(line.getInt(2));
                UTF8String source = line.getUTF8String(3).clone();
                if (!line.isNullAt(4)) {
                    return parser.unreadable(line.getLong(0), line.getUTF8String(1), captureDate, source,
                            QuarantineReason.fromCode(line.getUTF8String(4).toString()).orElseThrow(),
                            line.getUTF8String(5).toString());
                }
                // The line is parsed before the next is read; the file name is kept in the row.
                return parser.parseToInternalRow(line.getLong(0), line.getUTF8String(1), captureDate, source);
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
