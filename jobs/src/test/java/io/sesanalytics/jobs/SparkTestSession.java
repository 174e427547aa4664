package io.sesanalytics.jobs;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.sesanalytics.jobs.common.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The one local Spark session of the test JVM, and DataFrame equality from spark-testing-base. */
public final class SparkTestSession {
    private static final JavaDataFrameSuiteBase FRAMES = new JavaDataFrameSuiteBase();
    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSessions.withJobDefaults(SparkSession.builder())
                    .master("local[2]")
                    .appName("ses-analytics tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /** Same schema and same rows in the same order. */
    public static void assertDataFrameEquals(Dataset<Row> expected, Dataset<Row> actual) {
        FRAMES.assertDataFrameEquals(expected, actual, FRAMES.assertDataFrameEquals$default$3());
    }

    /** Same schema and the same rows in any order. */
    public static void assertDataFrameNoOrderEquals(Dataset<Row> expected, Dataset<Row> actual) {
        FRAMES.assertDataFrameNoOrderEquals(expected, actual);
    }
}
