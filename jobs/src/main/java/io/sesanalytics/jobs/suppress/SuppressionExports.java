package io.sesanalytics.jobs.suppress;

import io.sesanalytics.jobs.common.Storage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

/**
 * The files of one run date under {@code <warehouse>/exports/suppression/dt=YYYY-MM-DD/}:
 * <ul>
 *   <li>{@code ses-import.csv}: {@code address,REASON} lines, the CSV that an SES v2 suppression-list
 *   import job ({@code CreateImportJob}) takes; SES takes at most 100,000 addresses per object, so larger
 *   lists continue in {@code ses-import-2.csv}, {@code ses-import-3.csv}, ...</li>
 *   <li>{@code ses-import-rejects.csv}: the suppressed addresses that cannot go into {@code ses-import.csv}
 *   (see {@link #whyLeftOut}), with why, safe to open in a spreadsheet; there only when there is at least one,
 *   so a folder without it has every suppressed address in the import files;</li>
 *   <li>{@code suppression.csv}: every suppressed address with every column, safe to open in a spreadsheet;</li>
 *   <li>{@code delta.csv}: the addresses added and released by this run, with why.</li>
 * </ul>
 * Rows are sorted by address, so a re-run writes the same bytes.
 */
public final class SuppressionExports {
    public static final int SES_IMPORT_MAX_ADDRESSES = 100_000;
    public static final String SES_IMPORT_REJECTS = "ses-import-rejects.csv";
    static final List<String> REJECT_COLUMNS = List.of("address", "reason", "why_left_out");
    static final List<String> FULL_COLUMNS = List.of("address", "reason", "suppression_trigger", "suppressed_on",
            "expires_on", "first_seen", "last_seen", "permanent_bounces", "transient_bounces", "complaints",
            "deliveries_after_suppression", "last_diagnostic_code", "sending_domains");
    static final List<String> DELTA_COLUMNS = List.of("address", "change", "reason", "suppression_trigger", "detail");

    private SuppressionExports() {
    }

    public static String folder(String warehouse, LocalDate date) {
        return warehouse + "/exports/suppression/dt=" + date;
    }

    /**
     * Writes the files and returns the number of rows of each; {@link #SES_IMPORT_REJECTS} is in it only when
     * it was written, that is when some suppressed address could not go into the import files.
     *
     * @param states  the suppression table rows of the date
     * @param changes the suppression history rows of the date
     */
    public static Map<String, Long> write(SparkSession spark, Dataset<Row> states, Dataset<Row> changes,
                                          String warehouse, LocalDate date) {
        String folder = folder(warehouse, date);
        Dataset<Row> suppressed = sorted(states.filter(col("status").equalTo(SuppressionStatus.SUPPRESSED.name()))
                .withColumn("sending_domains", concat_ws(" ", col("sending_domains"))), "address");
        Map<String, Long> written = new LinkedHashMap<>();
        written.putAll(writeSesImport(spark, suppressed, folder));
        written.put("suppression.csv", writeCsv(spark, folder + "/suppression.csv",
                suppressed.select(FULL_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new)),
                FULL_COLUMNS));
        Column addedOrReleased = col("change").isin(SuppressionChange.ADDED.value(), SuppressionChange.RELEASED.value());
        Dataset<Row> delta = sorted(changes.filter(addedOrReleased), "address", "change")
                .select(DELTA_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
        written.put("delta.csv", writeCsv(spark, folder + "/delta.csv", delta, DELTA_COLUMNS));
        return written;
    }

    /**
     * The rows in one partition, sorted. The driver writes the files row by row anyway, and a global sort
     * would first sample the rows in a job of its own and then fetch each of its partitions in another.
     */
    private static Dataset<Row> sorted(Dataset<Row> rows, String... columns) {
        return rows.coalesce(1).sortWithinPartitions(Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new));
    }

    private static long writeCsv(SparkSession spark, String location, Dataset<Row> rows, List<String> header) {
        long[] count = {0};
        Storage.write(spark, location, out -> {
            try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(out, header)) {
                Iterator<Row> it = rows.toLocalIterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    List<Object> cells = new ArrayList<>(row.size());
                    for (int i = 0; i < row.size(); i++) {
                        cells.add(row.get(i));
                    }
                    csv.row(cells);
                    count[0]++;
                }
            }
        });
        return count[0];
    }

    /**
     * Why SES's importer cannot take the address and reason as a line of ses-import.csv, or null when it can.
     * <p>
     * What SES documents of the CSV of a suppression-list import job ({@code CreateImportJob} with
     * {@code ImportDataSource.DataFormat=CSV}; the Developer Guide's "adding addresses in bulk"): one address per
     * line, {@code address,REASON} with no header, REASON {@code BOUNCE} or {@code COMPLAINT}, at most 100,000
     * addresses per S3 object; its example {@code recipient2@example.com, COMPLAINT} shows that space around a
     * field is tolerated. Nothing is said of quoting or escaping. So a line is written only when it reads back
     * unambiguously as that address and reason without any CSV quoting:
     * <ul>
     *   <li>the address is not empty and holds no comma, double quote, line break or other control character
     *   (a comma would split it, a quote or a line break could only be written quoted, and how a tab or NUL
     *   is read the docs leave open);</li>
     *   <li>it has no white space at either end, which the importer may strip and so suppress another
     *   address;</li>
     *   <li>the reason is BOUNCE or COMPLAINT, the only reasons SES takes.</li>
     * </ul>
     * Anything else, including non-ASCII letters, goes in as it is. An address left out is listed in
     * {@link #SES_IMPORT_REJECTS} and counted in the run summary, to be added some other way, such as one by one
     * with {@code aws sesv2 put-suppressed-destination}, whose address is a JSON string.
     */
    static String whyLeftOut(String address, String reason) {
        List<String> why = new ArrayList<>();
        if (address == null || address.isEmpty()) {
            why.add("empty address");
        } else {
            if (address.indexOf(',') >= 0) {
                why.add("comma in the address");
            }
            if (address.indexOf('"') >= 0) {
                why.add("double quote in the address");
            }
            if (address.indexOf('\r') >= 0 || address.indexOf('\n') >= 0) {
                why.add("line break in the address");
            }
            if (address.chars().anyMatch(c -> Character.isISOControl(c) && c != '\r' && c != '\n')) {
                why.add("control character in the address");
            }
            if (!address.equals(address.strip())) {
                why.add("white space at an end of the address");
            }
        }
        if (!SuppressionReason.BOUNCE.name().equals(reason) && !SuppressionReason.COMPLAINT.name().equals(reason)) {
            why.add("reason is not BOUNCE or COMPLAINT");
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /**
     * Plain {@code address,REASON} lines without a header, as the SES import job reads them, and the addresses
     * left out of them in {@link #SES_IMPORT_REJECTS}.
     */
    private static Map<String, Long> writeSesImport(SparkSession spark, Dataset<Row> suppressed, String folder) {
        Map<String, Long> written = new LinkedHashMap<>();
        List<List<String>> rejects = new ArrayList<>();
        Iterator<Row> importable = importable(suppressed.select("address", "reason").toLocalIterator(), rejects);
        List<Row> rows = new ArrayList<>();
        int part = 1;
        while (importable.hasNext() || part == 1) {
            rows.clear();
            while (importable.hasNext() && rows.size() < SES_IMPORT_MAX_ADDRESSES) {
                rows.add(importable.next());
            }
            String name = part == 1 ? "ses-import.csv" : "ses-import-" + part + ".csv";
            List<Row> chunk = List.copyOf(rows);
            Storage.write(spark, folder + "/" + name, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                for (Row row : chunk) {
                    writer.write(row.getString(0) + "," + row.getString(1) + "\n");
                }
                writer.flush();
            });
            written.put(name, (long) chunk.size());
            part++;
        }
        // A re-run with a shorter list leaves no part of the longer one behind.
        for (String stale : Storage.glob(spark, folder + "/ses-import-[0-9]*.csv")) {
            if (!written.containsKey(stale.substring(stale.lastIndexOf('/') + 1))) {
                Storage.delete(spark, stale);
            }
        }
        // Written only when there are rejects, and removed otherwise so that a re-run leaves no stale one.
        String rejectsFile = folder + "/" + SES_IMPORT_REJECTS;
        if (rejects.isEmpty()) {
            Storage.delete(spark, rejectsFile);
        } else {
            Storage.write(spark, rejectsFile, out -> {
                try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(out, REJECT_COLUMNS)) {
                    for (List<String> reject : rejects) {
                        csv.row(reject);
                    }
                }
            });
            written.put(SES_IMPORT_REJECTS, (long) rejects.size());
        }
        return written;
    }

    /**
     * The {@code address, reason} rows that can go into ses-import.csv, in order; each other row is added to
     * rejects as {@code address, reason, why} as the rows are read, so that all are there once this is exhausted.
     */
    private static Iterator<Row> importable(Iterator<Row> rows, List<List<String>> rejects) {
        return new Iterator<>() {
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row row = rows.next();
                    String why = whyLeftOut(row.getString(0), row.getString(1));
                    if (why == null) {
                        next = row;
                    } else {
                        rejects.add(Arrays.asList(row.getString(0), row.getString(1), why));
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }
        };
    }
}
