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
import static org.apache.spark.sql.functions.not;

/**
 * The files of one run date under {@code <warehouse>/exports/suppression/dt=YYYY-MM-DD/}:
 * <ul>
 *   <li>{@code ses-import.csv}: {@code address,REASON} lines, the CSV that an SES v2 suppression-list
 *   import job ({@code CreateImportJob}) takes; SES takes at most 100,000 addresses per object, so larger
 *   lists continue in {@code ses-import-2.csv}, {@code ses-import-3.csv}, ...</li>
 *   <li>{@code suppression.csv}: every suppressed address with every column, safe to open in a spreadsheet;</li>
 *   <li>{@code delta.csv}: the addresses added and released by this run, with why.</li>
 * </ul>
 * Rows are sorted by address, so a re-run writes the same bytes.
 */
public final class SuppressionExports {
    public static final int SES_IMPORT_MAX_ADDRESSES = 100_000;
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
     * Writes the files and returns the number of rows of each.
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

    /** Plain {@code address,REASON} lines without a header, as the SES import job reads them. */
    private static Map<String, Long> writeSesImport(SparkSession spark, Dataset<Row> suppressed, String folder) {
        Map<String, Long> written = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        // An address that needs CSV quoting cannot be given to SES's importer; it stays in suppression.csv.
        Iterator<Row> it = suppressed.filter(not(col("address").rlike("[,\"\\r\\n]")))
                .select("address", "reason").toLocalIterator();
        int part = 1;
        while (it.hasNext() || part == 1) {
            rows.clear();
            while (it.hasNext() && rows.size() < SES_IMPORT_MAX_ADDRESSES) {
                rows.add(it.next());
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
        for (String stale : Storage.glob(spark, folder + "/ses-import-*.csv")) {
            if (!written.containsKey(stale.substring(stale.lastIndexOf('/') + 1))) {
                Storage.delete(spark, stale);
            }
        }
        return written;
    }
}
