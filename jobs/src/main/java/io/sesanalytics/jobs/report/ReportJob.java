package io.sesanalytics.jobs.report;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Storage;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The HTML report of a date, written to a file: {@code <warehouse>/exports/report/dt=D/report.html} by default. */
public final class ReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);

    /** @param out where to write the page; null for {@link #defaultLocation} */
    public record Config(String warehouse, LocalDate date, String out) {
        public Config {
            warehouse = Locations.normalize(warehouse);
            if (date == null) {
                throw new IllegalArgumentException("--date is required");
            }
        }

        public Config withDate(LocalDate other) {
            return new Config(warehouse, other, null);
        }

        public String location() {
            return out != null ? out : defaultLocation(warehouse, date);
        }
    }

    private ReportJob() {
    }

    public static String defaultLocation(String warehouse, LocalDate date) {
        return warehouse + "/exports/report/dt=" + date + "/report.html";
    }

    /** Writes the page and returns where. */
    public static String run(SparkSession spark, Config config) {
        String html = HtmlReport.render(ReportData.of(spark, config.warehouse(), config.date()));
        String location = config.location();
        Storage.write(spark, location, html.getBytes(StandardCharsets.UTF_8));
        LOG.info("report {}: {} ({} bytes)", config.date(), location, html.length());
        return location;
    }
}
