package io.sesanalytics.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Checks that the pipeline's domain_daily_stats (or the Spark SQL job's file) and the DuckDB job agree on sends,
 * hard bounces and complaints per day and sender domain. Usage: {@code CompareCounts WAREHOUSE|SPARK.parquet
 * DUCKDB.parquet}; prints one JSON line and exits 1 when they differ.
 */
public final class CompareCounts {
    public static void main(String[] args) throws Exception {
        // The table's data files, read directly: the benchmark's warehouse holds one night, written in one commit. A
        // folder named *.parquet is the Spark SQL job's output instead.
        String pipeline = args[0].endsWith(".parquet") ? "read_parquet('" + args[0] + "/*.parquet')"
                : "read_parquet('" + args[0] + "/ses_analytics/domain_daily_stats/data/*/*.parquet', hive_partitioning = true)";
        String duck = "read_parquet('" + args[1] + "')";
        String sql = """
                WITH p AS (SELECT stat_date, source_domain, sends, permanent_bounces, complaints FROM %s
                           WHERE sends + permanent_bounces + complaints > 0),
                     d AS (SELECT stat_date, source_domain, sends, permanent_bounces, complaints FROM %s
                           WHERE sends + permanent_bounces + complaints > 0)
                SELECT (SELECT count(*) FROM p), (SELECT count(*) FROM d),
                       (SELECT count(*) FROM (SELECT * FROM p EXCEPT SELECT * FROM d)),
                       (SELECT count(*) FROM (SELECT * FROM d EXCEPT SELECT * FROM p)),
                       (SELECT sum(sends) FROM p), (SELECT sum(sends) FROM d)
                """.formatted(pipeline, duck);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet r = statement.executeQuery(sql)) {
            r.next();
            boolean agree = r.getLong(3) == 0 && r.getLong(4) == 0;
            System.out.printf("{\"pipeline_rows\": %d, \"duckdb_rows\": %d, \"only_in_pipeline\": %d, "
                            + "\"only_in_duckdb\": %d, \"pipeline_sends\": %d, \"duckdb_sends\": %d, \"agree\": %b}%n",
                    r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), agree);
            if (!agree) {
                System.exit(1);
            }
        }
    }
}
