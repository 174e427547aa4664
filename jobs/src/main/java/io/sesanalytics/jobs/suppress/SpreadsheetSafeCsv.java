package io.sesanalytics.jobs.suppress;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV that a spreadsheet opens without running anything: a cell that starts with a character a
 * spreadsheet reads as a formula (= + - @, tab or carriage return) gets a leading apostrophe, the
 * OWASP advice against CSV injection. Fields are quoted as RFC 4180 needs.
 */
public final class SpreadsheetSafeCsv implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();
    private final CSVPrinter printer;

    public SpreadsheetSafeCsv(OutputStream out, List<String> header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(header);
    }

    public void row(List<?> cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            safe.add(cell(cell));
        }
        printer.printRecord(safe);
    }

    /** The cell as text: null as empty, formula-like text behind an apostrophe. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
