package io.sesanalytics.jobs.suppress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetSafeCsvTest {
    @Test
    void formulaLikeCellsGetAnApostrophe() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, SpreadsheetSafeCsv.cell(formula));
        }
        assertEquals("user@example.com", SpreadsheetSafeCsv.cell("user@example.com"));
        assertEquals("", SpreadsheetSafeCsv.cell(null));
        assertEquals("42", SpreadsheetSafeCsv.cell(42L));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(out, List.of("a", "b"))) {
            csv.row(Arrays.asList("550 5.1.1, \"no\" such\nuser", null));
        }
        assertEquals("a,b\n\"550 5.1.1, \"\"no\"\" such\nuser\",\n", out.toString(StandardCharsets.UTF_8));
    }
}
