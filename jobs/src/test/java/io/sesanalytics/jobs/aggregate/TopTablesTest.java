package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TopTablesTest {
    private static final LocalDate REPORT = LocalDate.parse("2026-11-30");
    private static final StructType ROWS = new StructType()
            .add("day", DataTypes.DateType).add("message_id", DataTypes.StringType)
            .add("source_address", DataTypes.StringType).add("source_domain", DataTypes.StringType)
            .add("destination", DataTypes.StringType);

    private static Row row(int daysBefore, String messageId, String sender) {
        return RowFactory.create(REPORT.minusDays(daysBefore), messageId, sender,
                sender.substring(sender.indexOf('@') + 1), "to@example.org");
    }

    private static List<String> ranking(Dataset<Row> top, String direction, int window) {
        return ranking(top, direction, window, "source_address");
    }

    private static List<String> ranking(Dataset<Row> top, String direction, int window, String key) {
        return top.filter(col("direction").equalTo(direction).and(col("window_days").equalTo(window)))
                .orderBy("rank").collectAsList().stream()
                .map(r -> r.<Integer>getAs("rank") + " " + r.getAs(key) + " " + r.<Long>getAs("messages"))
                .toList();
    }

    @Test
    void windowsEndAtTheReportDateAndTiesGoToTheSmallerKey() {
        SparkSession spark = SparkTestSession.get();
        List<Row> sent = new ArrayList<>();
        sent.add(row(0, "m1", "b@x.example"));
        sent.add(row(0, "m1", "b@x.example"));   // the same message to a second recipient counts once
        sent.add(row(0, "m2", "a@x.example"));
        sent.add(row(6, "m3", "c@x.example"));   // last day of the 7-day window
        sent.add(row(7, "m4", "c@x.example"));   // first day outside it
        sent.add(row(29, "m5", "c@x.example"));  // last day of the 30-day window
        sent.add(row(30, "m6", "d@x.example"));  // outside every window
        Dataset<Row> sends = spark.createDataFrame(sent, ROWS);
        Dataset<Row> received = spark.createDataFrame(List.of(row(1, "r1", "in@y.example")), ROWS);

        Dataset<Row> rankings = TopTables.rankings(sends, received, REPORT, 2);
        Dataset<Row> top = TopTables.table(rankings, TopTables.RANKINGS.get(0), REPORT);

        assertEquals(Table.TOP_SENDERS.schema().simpleString(), top.schema().simpleString());
        assertEquals(List.of("1 a@x.example 1", "2 b@x.example 1"), ranking(top, "sent", 1));
        assertEquals(List.of("1 a@x.example 1", "2 b@x.example 1"), ranking(top, "sent", 7));
        assertEquals(List.of("1 c@x.example 3", "2 a@x.example 1"), ranking(top, "sent", 30));
        assertEquals(List.of(), ranking(top, "received", 1));
        assertEquals(List.of("1 in@y.example 1"), ranking(top, "received", 7));
        // Ranked in the same query, the sender domains keep rankings of their own.
        Dataset<Row> domains = TopTables.table(rankings, TopTables.RANKINGS.get(1), REPORT);
        assertEquals(Table.TOP_SENDER_DOMAINS.schema().simpleString(), domains.schema().simpleString());
        assertEquals(List.of("1 x.example 5"), ranking(domains, "sent", 30, "source_domain"));
        assertEquals(List.of("1 y.example 1"), ranking(domains, "received", 7, "source_domain"));
        // Every message of the fixture went to the same destination: m1 to m5 inside 30 days.
        Dataset<Row> destinations = TopTables.table(rankings, TopTables.RANKINGS.get(2), REPORT);
        assertEquals(Table.TOP_DESTINATIONS.schema().simpleString(), destinations.schema().simpleString());
        assertEquals(List.of("1 to@example.org 5"), ranking(destinations, "sent", 30, "destination"));
        assertEquals(List.of("1 to@example.org 1"), ranking(destinations, "received", 7, "destination"));
        for (Dataset<Row> table : List.of(top, domains, destinations)) {
            assertEquals(List.of(REPORT), table.select("report_date").distinct().collectAsList().stream()
                    .map(r -> r.get(0)).toList());
        }
    }

    @Test
    void mailboxProvidersGroupKnownDomainsAndKeepOthers() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> domains = spark.createDataFrame(List.of(RowFactory.create("gmail.com"),
                RowFactory.create("googlemail.com"), RowFactory.create("hotmail.com"), RowFactory.create("live.com"),
                RowFactory.create("aol.com"), RowFactory.create("example.org"), RowFactory.create((Object) null)),
                new StructType().add("d", DataTypes.StringType));
        List<String> providers = domains.select(MailboxProviders.of(col("d"))).collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        assertEquals(java.util.Arrays.asList("gmail", "gmail", "microsoft", "microsoft", "yahoo", "example.org", null),
                providers);
    }
}
