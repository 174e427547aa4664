package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollingRatesTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");

    @Test
    void aWindowHoldsItsDateAndTheDaysBeforeItUpToItsLengthOfTheSameKey() {
        SparkSession spark = SparkTestSession.get();
        StructType schema = new StructType()
                .add("dimension", DataTypes.StringType)
                .add("key", DataTypes.StringType)
                .add("stat_date", DataTypes.DateType);
        for (String count : DailyMetrics.COUNTS) {
            schema = schema.add(count, DataTypes.LongType);
        }
        List<Row> daily = new ArrayList<>();
        // Sends of one key: 1 the day before DAY's window, 10 on its first day, 100 on DAY - 1, 1000 on DAY.
        daily.add(sends("a", DAY.minusDays(30), 1));
        daily.add(sends("a", DAY.minusDays(29), 10));
        daily.add(sends("a", DAY.minusDays(1), 100));
        daily.add(sends("a", DAY, 1000));
        // Another key of the same days counts only in its own windows.
        daily.add(sends("b", DAY.minusDays(29), 7));
        daily.add(sends("b", DAY, 5));
        Map<String, Long> basis = new TreeMap<>();
        RollingRates.apply(spark.createDataFrame(daily, schema), List.of(DAY.minusDays(1), DAY), 30,
                        new ReputationThresholds(1))
                .collectAsList()
                .forEach(r -> basis.put(r.getAs("key") + " " + r.getAs("stat_date"), r.<Long>getAs("window_rate_basis")));
        assertEquals(Map.of("a " + DAY.minusDays(1), 111L, "a " + DAY, 1110L, "b " + DAY, 12L), basis);
    }

    private static Row sends(String key, LocalDate day, long sends) {
        List<Object> values = new ArrayList<>(List.of("SENDER", key, day));
        for (String count : DailyMetrics.COUNTS) {
            values.add(count.equals("sends") ? sends : 0L);
        }
        return RowFactory.create(values.toArray());
    }
}
