package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.EventRowsFixture;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.EventTimeWindow;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The daily stats of one sender on 2026-11-10, every figure counted by hand from the rows below. */
class AggregateJobTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");
    private static final String SENDER = "news@a.example.com";
    @TempDir
    static Path dir;
    private static String warehouse;
    private static SparkSession spark;
    private static AggregateJob.AggregateSummary summary;

    @BeforeAll
    static void aggregateOneDay() {
        spark = SparkTestSession.get();
        warehouse = Locations.normalize(dir.resolve("warehouse").toString());
        EventRowsFixture e = new EventRowsFixture();
        // 2026-11-10: 4 sends of 2 messages; m1 to two Google addresses, m2 to Microsoft and example.org.
        e.add("send", "2026-11-10T08:00:00Z", SENDER, "r1@gmail.com").message("m1");
        e.add("send", "2026-11-10T08:00:00Z", SENDER, "r2@googlemail.com").message("m1");
        e.add("send", "2026-11-10T09:00:00Z", SENDER, "r3@hotmail.com").message("m2");
        e.add("send", "2026-11-10T09:00:00Z", SENDER, "r4@example.org").message("m2");
        e.add("delivery", "2026-11-10T08:01:00Z", SENDER, "r1@gmail.com").message("m1");
        e.add("delivery", "2026-11-10T08:01:00Z", SENDER, "r2@googlemail.com").message("m1");
        e.add("bounce", "2026-11-10T09:01:00Z", SENDER, "r4@example.org").message("m2").bounce("Permanent", null);
        e.add("bounce", "2026-11-10T09:02:00Z", SENDER, "r3@hotmail.com").message("m2").bounce("Transient", null);
        e.add("bounce", "2026-11-10T09:03:00Z", SENDER, "r3@hotmail.com").message("m2").bounce("Undetermined", null);
        e.add("complaint", "2026-11-10T10:00:00Z", SENDER, "r1@gmail.com").message("m1");
        e.add("delivery_delay", "2026-11-10T09:05:00Z", SENDER, "r3@hotmail.com").message("m2");
        // Three opens by two readers, two clicks: one by a named reader, one not attributable.
        e.add("open", "2026-11-10T11:00:00Z", SENDER, "r1@gmail.com").message("m1");
        e.add("open", "2026-11-10T12:00:00Z", SENDER, "r1@gmail.com").message("m1");
        e.add("open", "2026-11-10T12:30:00Z", SENDER, "r2@googlemail.com").message("m1");
        e.add("click", "2026-11-10T11:01:00Z", SENDER, "r1@gmail.com").message("m1");
        e.add("click", "2026-11-10T13:00:00Z", SENDER, null).message("m1");
        e.add("reject", "2026-11-10T14:00:00Z", SENDER, "r5@example.org").message("m3");
        e.add("rendering_failure", "2026-11-10T15:00:00Z", SENDER, "r6@example.org").message("m4");
        // Inside the 30-day window ending 2026-11-10 (its first day): 96 clean sends.
        for (int i = 0; i < 96; i++) {
            e.add("send", "2026-10-12T08:00:00Z", SENDER, "w" + i + "@example.org").message("old" + i);
        }
        // One day before the window: 10 sends that all bounced; they must not count.
        for (int i = 0; i < 10; i++) {
            e.add("send", "2026-10-11T08:00:00Z", SENDER, "x" + i + "@example.org").message("older" + i);
            e.add("bounce", "2026-10-11T08:00:00Z", SENDER, "x" + i + "@example.org").message("older" + i)
                    .bounce("Permanent", null);
        }
        TableWriter.overwritePartitions(e.frame(), Table.EVENTS, warehouse);
        summary = AggregateJob.run(spark, new AggregateJob.Config(warehouse, DAY, 30, 10, new ReputationThresholds(50)));
    }

    private static Row stats(Table table, String key) {
        return TableWriter.read(spark, table, warehouse)
                .filter(col("stat_date").equalTo(lit(DAY)).and(col(table.schema().fieldNames()[0]).equalTo(key)))
                .first();
    }

    @Test
    void countsEveryEventTypeOfTheDay() {
        Row s = stats(Table.SENDER_DAILY_STATS, SENDER);
        assertEquals(List.of(4L, 2L, 2L, 1L, 3L, 1L, 1L, 1L, 1L, 1L, 3L, 2L, 2L, 2L, 1L), DailyMetrics.COUNTS.stream()
                .map(c -> s.<Long>getAs(c)).toList());
    }

    @Test
    void ratesAreOverSendsAndSmallDaysAreLowVolume() {
        Row s = stats(Table.SENDER_DAILY_STATS, SENDER);
        assertEquals(4L, s.<Long>getAs("rate_basis"));
        assertEquals(0.25, s.<Double>getAs("bounce_rate"));
        assertEquals(0.25, s.<Double>getAs("complaint_rate"));
        assertEquals("LOW_VOLUME", s.getAs("bounce_status"));
        assertEquals("LOW_VOLUME", s.getAs("complaint_status"));
    }

    @Test
    void theWindowTakesItsFirstDayAndNotTheDayBefore() {
        Row s = stats(Table.SENDER_DAILY_STATS, SENDER);
        assertEquals(30, s.<Integer>getAs("window_days"));
        assertEquals(100L, s.<Long>getAs("window_rate_basis"));
        assertEquals(1L, s.<Long>getAs("window_permanent_bounces"));
        assertEquals(0.01, s.<Double>getAs("window_bounce_rate"));
        assertEquals("OK", s.getAs("window_bounce_status"));
        assertEquals(1L, s.<Long>getAs("window_complaints"));
        assertEquals(0.01, s.<Double>getAs("window_complaint_rate"));
        assertEquals("AT_RISK", s.getAs("window_complaint_status"));
        assertEquals(List.of("news@a.example.com bounce OK, complaint AT_RISK"),
                summary.windowAlerts().get("sender_daily_stats"));
    }

    @Test
    void recipientDomainsAreGroupedByMailboxProvider() {
        Row gmail = stats(Table.MAILBOX_PROVIDER_DAILY_STATS, "gmail");
        assertEquals(2L, gmail.<Long>getAs("sends"));
        assertEquals(2L, gmail.<Long>getAs("deliveries"));
        assertEquals(1L, gmail.<Long>getAs("complaints"));
        assertEquals(1L, stats(Table.MAILBOX_PROVIDER_DAILY_STATS, "microsoft").<Long>getAs("sends"));
        assertEquals(1L, stats(Table.MAILBOX_PROVIDER_DAILY_STATS, "example.org").<Long>getAs("permanent_bounces"));
    }

    @Test
    void domainAndConfigurationSetRowsAddUpTheSame() {
        assertEquals(4L, stats(Table.DOMAIN_DAILY_STATS, "a.example.com").<Long>getAs("sends"));
        Row noSet = stats(Table.CONFIGURATION_SET_DAILY_STATS, "");
        assertEquals(4L, noSet.<Long>getAs("sends"));
    }

    @Test
    void lateEventsMakeTheirDateAndEveryDateSinceAStatDate(@TempDir Path other) {
        String late = Locations.normalize(other.resolve("warehouse").toString());
        EventRowsFixture e = new EventRowsFixture();
        e.add("send", "2026-11-07T23:59:00Z", SENDER, "r1@example.org").message("m1").captured("2026-11-10");
        e.add("send", "2026-11-10T08:00:00Z", SENDER, "r2@example.org").message("m2");
        e.add("send", "2026-11-05T08:00:00Z", SENDER, "r3@example.org").message("m3");
        e.add("send", "2026-11-12T08:00:00Z", SENDER, "r4@example.org").message("m4").captured("2026-11-11");
        TableWriter.overwritePartitions(e.frame(), Table.EVENTS, late);
        assertEquals(List.of(LocalDate.parse("2026-11-07"), LocalDate.parse("2026-11-08"),
                LocalDate.parse("2026-11-09"), DAY),
                AggregateJob.statDates(TableWriter.partitions(spark, Table.EVENTS, late), DAY, EventTimeWindow.DEFAULT));
    }

    /**
     * Rows of 1970 and 9999 captured on the date (written before normalize quarantined such times) do not
     * make the run compute every date between them: only dates in the event window around the date count.
     */
    @Test
    void datesOutsideTheEventWindowAreNeverStatDates(@TempDir Path other) {
        String odd = Locations.normalize(other.resolve("warehouse").toString());
        EventRowsFixture e = new EventRowsFixture();
        e.add("send", "1970-01-01T00:00:00Z", SENDER, "r1@example.org").message("m1").captured(DAY.toString());
        e.add("send", "9999-12-31T08:00:00Z", SENDER, "r2@example.org").message("m2").captured(DAY.toString());
        e.add("send", "2026-10-27T08:00:00Z", SENDER, "r3@example.org").message("m3").captured(DAY.toString());
        e.add("send", "2026-10-26T08:00:00Z", SENDER, "r4@example.org").message("m4").captured(DAY.toString());
        e.add("send", "2026-11-11T08:00:00Z", SENDER, "r5@example.org").message("m5").captured(DAY.toString());
        e.add("send", "2026-11-12T08:00:00Z", SENDER, "r6@example.org").message("m6").captured(DAY.toString());
        TableWriter.overwritePartitions(e.frame(), Table.EVENTS, odd);
        List<Row> events = TableWriter.partitions(spark, Table.EVENTS, odd);
        // The default window of 2026-11-10: 2026-10-27 to 2026-11-11.
        List<LocalDate> dates = AggregateJob.statDates(events, DAY, EventTimeWindow.DEFAULT);
        assertEquals(LocalDate.parse("2026-10-27"), dates.get(0));
        assertEquals(LocalDate.parse("2026-11-11"), dates.get(dates.size() - 1));
        assertEquals(16, dates.size());
        assertEquals(List.of(DAY, LocalDate.parse("2026-11-11")),
                AggregateJob.statDates(events, DAY, new EventTimeWindow(0, 1)));
    }

    @Test
    void onlyTheDatesTheCapturesTouchedAreRecomputed() {
        assertEquals(List.of(DAY), summary.statDates());
        assertEquals(List.of(DAY), TableWriter.read(spark, Table.SENDER_DAILY_STATS, warehouse)
                .select("stat_date").distinct().collectAsList().stream().map(r -> r.get(0)).toList());
    }
}
