package io.sesanalytics.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "</script><img src=x onerror=alert(1)><!-- & 'x' \"y\"";

    @Test
    void valuesCannotBecomeMarkup() throws Exception {
        ObjectNode data = JSON.createObjectNode().put("date", "2026-11-22").put("from", "2026-10-24");
        data.putObject("top").putArray("top_senders").addObject().put("key", HOSTILE).put("messages", 3);
        String html = HtmlReport.render(data);

        assertFalse(html.contains("<img src=x onerror"), "no value turns into an element");
        assertFalse(html.contains("<!-- &"));
        String marker = "id=\"report-data\">";
        int start = html.indexOf(marker) + marker.length();
        String json = html.substring(start, html.indexOf("</script>", start));
        assertEquals(HOSTILE, JSON.readTree(json).path("top").path("top_senders").get(0).path("key").asText(),
                "the value survives as data");
        assertTrue(HtmlReport.escape(HOSTILE).startsWith("&lt;/script&gt;&lt;img"));
        assertTrue(html.contains("echarts"), "the library is inlined");
    }
}
