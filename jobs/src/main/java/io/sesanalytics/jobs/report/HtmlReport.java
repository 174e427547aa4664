package io.sesanalytics.jobs.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One self-contained HTML page: the data as JSON in a script element, ECharts inlined from its webjar, and
 * the charts' options. Every value is shown through ECharts on a canvas, tooltips included (rich text, not
 * HTML); the JSON escapes {@code < > &} and the page's own text is HTML-escaped, so no value can become markup.
 */
public final class HtmlReport {
    /** Where the webjar of org.webjars.npm:echarts keeps the minified library. */
    public static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    /** A chart of the page: its element id and title (the script draws it from the data by id). */
    public record Chart(String id, String title) {
    }

    public static final List<Chart> CHARTS = List.of(
            new Chart("overall-bounce", "Bounce rate, all mail (%, 30-day rolling window)"),
            new Chart("overall-complaint", "Complaint rate, all mail (%, 30-day rolling window)"),
            new Chart("domain-bounce", "Bounce rate per sender domain (%, 30-day rolling window)"),
            new Chart("domain-complaint", "Complaint rate per sender domain (%, 30-day rolling window)"),
            new Chart("configuration-set-bounce", "Bounce rate per configuration set (%, 30-day rolling window)"),
            new Chart("configuration-set-complaint", "Complaint rate per configuration set (%, 30-day rolling window)"),
            new Chart("volume", "Daily volume by event type (events per day)"),
            new Chart("top-senders", "Top senders (messages sent, last 30 days)"),
            new Chart("top-sender-domains", "Top sender domains (messages sent, last 30 days)"),
            new Chart("top-destinations", "Top destinations (messages sent, last 30 days)"),
            new Chart("suppression", "Suppression list changes (addresses per day)"),
            new Chart("quarantine", "Quarantined lines by reason (lines, last 30 days)"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    public static String render(ObjectNode data) {
        String date = data.path("date").asText();
        StringBuilder html = new StringBuilder(1_100_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape("SES analytics report " + date)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:16px;color:#222;background:#fff}\n")
                .append(".charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}\n")
                .append(".chart{height:360px;border:1px solid #ddd}\n</style>\n</head>\n<body>\n<h1>")
                .append(escape("Amazon SES report for " + date)).append("</h1>\n<p>")
                .append(escape("From " + data.path("from").asText() + " to " + date + " (UTC). Dashed lines are SES's"
                        + " levels: bounce rate 5 % (review) and 10 % (sending pause risk), complaint rate 0.1 % and 0.5 %."
                        + " Rates per key: the " + ReportData.KEYS + " keys with the most mail."))
                .append("</p>\n<div class=\"charts\">\n");
        for (Chart chart : CHARTS) {
            html.append("<div class=\"chart\" id=\"").append(escape(chart.id())).append("\" data-title=\"")
                    .append(escape(chart.title())).append("\"></div>\n");
        }
        html.append("</div>\n<script type=\"application/json\" id=\"report-data\">").append(json(data)).append("</script>\n")
                .append("<script>\n").append(echarts().replace("</script", "<\\/script")).append("\n</script>\n")
                .append("<script>\n").append(CHART_SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The minified ECharts from the classpath. */
    static String echarts() {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException(ECHARTS + " is not on the classpath (org.webjars.npm:echarts:5.3.1)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS, e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON that cannot end its script element or open a comment: {@code < > &} as unicode escapes. */
    static String json(ObjectNode data) {
        try {
            return JSON.writer().with(new ScriptSafe()).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ScriptSafe extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafe() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
            escapes['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /** Chart options from the data: which series, axes, units and SES's lines; ECharts draws them. */
    private static final String CHART_SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('report-data').textContent);
              var drawn = 0;
              function base(id, yName) {
                var el = document.getElementById(id);
                return {el: el, option: {
                  animation: false,
                  title: {text: el.getAttribute('data-title'), left: 'center', textStyle: {fontSize: 14}},
                  tooltip: {trigger: 'axis', renderMode: 'richText'},
                  legend: {type: 'scroll', bottom: 0},
                  grid: {left: 60, right: 30, top: 50, bottom: 60},
                  yAxis: {type: 'value', name: yName}
                }};
              }
              function draw(chart) {
                echarts.init(chart.el, null, {renderer: 'canvas'}).setOption(chart.option);
                drawn++;
              }
              function levels(warning, atRisk) {
                return {silent: true, symbol: 'none', lineStyle: {type: 'dashed'}, data: [
                  {yAxis: warning, name: 'warning ' + warning + ' %', lineStyle: {color: '#e6a23c'}},
                  {yAxis: atRisk, name: 'at risk ' + atRisk + ' %', lineStyle: {color: '#d03050'}}],
                  label: {formatter: '{b}', position: 'insideEndTop'}};
              }
              function rates(id, series, field, warning, atRisk) {
                var chart = base(id, '%');
                chart.option.xAxis = {type: 'category', name: 'date (UTC)', nameLocation: 'middle', nameGap: 28, data: data.dates};
                var names = Object.keys(series);
                var max = atRisk * 1.2;
                chart.option.series = names.map(function (name, i) {
                  var values = series[name][field];
                  values.forEach(function (v) { if (v !== null && v > max) { max = v; } });
                  var s = {name: name, type: 'line', connectNulls: true, data: values};
                  if (i === 0) { s.markLine = levels(warning, atRisk); }
                  return s;
                });
                if (names.length === 0) {
                  chart.option.series = [{name: 'no mail', type: 'line', data: [], markLine: levels(warning, atRisk)}];
                }
                chart.option.yAxis.min = 0;
                chart.option.yAxis.max = Math.ceil(max * 100) / 100;
                chart.option.yAxis.axisLabel = {formatter: '{value} %'};
                draw(chart);
              }
              function ranking(id, rows, keyField, valueField, unit) {
                var chart = base(id, unit);
                var shown = rows.slice().reverse();
                chart.option.tooltip.trigger = 'item';
                chart.option.grid.left = 200;
                chart.option.xAxis = {type: 'value', name: unit, nameLocation: 'middle', nameGap: 25};
                chart.option.yAxis = {type: 'category', data: shown.map(function (r) { return r[keyField] === '' ? '(none)' : r[keyField]; }),
                  axisLabel: {width: 180, overflow: 'truncate'}};
                chart.option.series = [{name: unit, type: 'bar', data: shown.map(function (r) { return r[valueField]; })}];
                draw(chart);
              }
              function daily(id, series, unit, stack) {
                var chart = base(id, unit);
                chart.option.xAxis = {type: 'category', name: 'date (UTC)', nameLocation: 'middle', nameGap: 28, data: data.dates};
                chart.option.series = Object.keys(series).map(function (name) {
                  return {name: name, type: 'bar', stack: stack, data: series[name]};
                });
                draw(chart);
              }
              try {
                var overall = {'all mail': data.rates.overall};
                rates('overall-bounce', overall, 'bounce', 5, 10);
                rates('overall-complaint', overall, 'complaint', 0.1, 0.5);
                rates('domain-bounce', data.rates.sender_domains, 'bounce', 5, 10);
                rates('domain-complaint', data.rates.sender_domains, 'complaint', 0.1, 0.5);
                rates('configuration-set-bounce', data.rates.configuration_sets, 'bounce', 5, 10);
                rates('configuration-set-complaint', data.rates.configuration_sets, 'complaint', 0.1, 0.5);
                daily('volume', data.volume, 'events', null);
                ranking('top-senders', data.top.top_senders, 'key', 'messages', 'messages');
                ranking('top-sender-domains', data.top.top_sender_domains, 'key', 'messages', 'messages');
                ranking('top-destinations', data.top.top_destinations, 'key', 'messages', 'messages');
                daily('suppression', data.suppression, 'addresses', 'changes');
                ranking('quarantine', data.quarantine, 'reason', 'lines', 'lines');
              } catch (e) {
                document.body.setAttribute('data-error', String(e));
                console.error('report: ' + e);
              }
              document.body.setAttribute('data-charts-drawn', String(drawn));
            })();
            """;
}
