package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.EventRowsFixture;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** Windows built from the stats that earlier nights stored equal windows counted again from the events. */
class RollingWindowsTest {
    private static final LocalDate LAST = LocalDate.parse("2026-11-12");

    @Test
    void nightsInOrderGiveTheSameStatsAsOneRunOverAllEvents(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        EventRowsFixture events = new EventRowsFixture();
        for (int day = 10; day <= 12; day++) {
            for (int i = 0; i < 5 + day; i++) {
                events.add("send", "2026-11-" + day + "T08:00:00Z", "a@x.example", "r" + i + "@gmail.com").message("m" + day + i);
            }
            events.add("bounce", "2026-11-" + day + "T09:00:00Z", "a@x.example", "r0@gmail.com").bounce("Permanent", null);
            events.add("complaint", "2026-11-" + day + "T10:00:00Z", "b@y.example", "r1@gmail.com");
        }
        String inOrder = Locations.normalize(dir.resolve("in-order").toString());
        String atOnce = Locations.normalize(dir.resolve("at-once").toString());
        TableWriter.overwritePartitions(events.frame(), Table.EVENTS, inOrder);
        TableWriter.overwritePartitions(events.frame(), Table.EVENTS, atOnce);

        for (LocalDate night = LAST.minusDays(2); !night.isAfter(LAST); night = night.plusDays(1)) {
            AggregateJob.run(spark, config(inOrder, night));
        }
        AggregateJob.run(spark, config(atOnce, LAST));

        for (StatDimension dimension : StatDimension.values()) {
            SparkTestSession.assertDataFrameNoOrderEquals(lastDay(spark, dimension.table(), atOnce),
                    lastDay(spark, dimension.table(), inOrder));
        }
    }

    private static AggregateJob.Config config(String warehouse, LocalDate night) {
        return new AggregateJob.Config(warehouse, night, 30, 10, new ReputationThresholds(1));
    }

    private static Dataset<Row> lastDay(SparkSession spark, Table table, String warehouse) {
        return TableWriter.read(spark, table, warehouse).filter(col("stat_date").equalTo(lit(LAST)));
    }
}
