package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.WarehouseViews;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs Spark SQL over the warehouse tables, registered by name, and prints CSV with a header row. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Query the warehouse tables (events, received, ...) with Spark SQL; prints CSV with a header.")
public final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUERY", description = "A Spark SQL query, e.g. \"SELECT event_type, count(*) FROM events GROUP BY 1\".")
    String query;

    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the tables (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Override
    public Integer call() throws IOException {
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics sql");
        try {
            WarehouseViews.register(spark, Locations.normalize(warehouse));
            print(WarehouseViews.asText(spark.sql(query)), System.out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    static void print(WarehouseViews.TextResult result, PrintStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(writer)) {
            csv.printRecord(result.header());
            for (List<String> row : result.rows()) {
                csv.printRecord(row);
            }
        }
    }
}
