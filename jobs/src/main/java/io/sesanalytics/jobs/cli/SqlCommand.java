package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.SparkSessions;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs Spark SQL over the warehouse tables, by name, and prints CSV with a header row. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Query the warehouse tables (events, received, ...) with Spark SQL; prints CSV with a header.")
public final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "A Spark SQL query, e.g. \"SELECT event_type, count(*) FROM events GROUP BY 1\".")
    String query;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the query from a file, e.g. sql/queries/top-source-domains.sql.")
    Path file;

    @Option(names = "--param", paramLabel = "SQL", description = "Value of the next ? of the query, as SQL text, e.g. \"DATE '2026-11-20'\" (repeatable).")
    List<String> parameters = new ArrayList<>();

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "URI",
            description = "Root of the tables (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((query == null) == (file == null)) {
            throw new ParameterException(spec.commandLine(), "give either a QUERY or --file, not both or neither");
        }
        String text = file == null ? query : Files.readString(file, StandardCharsets.UTF_8);
        String statement = Usage.check(spec, () -> QueryText.bind(QueryText.statement(text), parameters));
        WarehouseCatalog tables = Usage.check(spec, catalog::catalog);
        SparkSession spark = SparkSessions.forCommandLine("ses-analytics sql");
        try {
            spark.sql("USE `" + tables.register(spark, warehouse) + "`.`" + tables.database() + "`");
            print(QueryResults.asText(spark.sql(statement)), System.out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    static void print(QueryResults.TextResult result, PrintStream out) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(writer)) {
            csv.printRecord(result.header());
            for (List<String> row : result.rows()) {
                csv.printRecord(row);
            }
        }
    }
}
