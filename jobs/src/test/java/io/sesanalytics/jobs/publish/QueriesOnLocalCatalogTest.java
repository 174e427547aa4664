package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.aggregate.AggregateJob;
import io.sesanalytics.jobs.aggregate.ReputationThresholds;
import io.sesanalytics.jobs.cli.QueryText;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import io.sesanalytics.jobs.normalize.NormalizeJob;
import io.sesanalytics.jobs.suppress.SuppressJob;
import io.sesanalytics.jobs.suppress.SuppressionRules;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline over the bundled sample's last capture date, its tables read by name from their catalog's
 * database, and every query of sql/queries run through them with the example parameters its header gives.
 */
class QueriesOnLocalCatalogTest {
    private static final LocalDate DATE = LocalDate.parse("2026-11-22");
    private static final Path QUERIES = Path.of("..", "sql", "queries");
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static String warehouse;

    @BeforeAll
    static void runThePipelineAndRegister() {
        spark = SparkTestSession.get();
        warehouse = Locations.normalize(dir.resolve("warehouse").toString());
        NormalizeJob.run(spark, new NormalizeJob.Config(Locations.normalize("../sample/raw"), warehouse, DATE,
                NormalizeJob.DEFAULT_LOOKBACK_DAYS));
        AggregateJob.run(spark, new AggregateJob.Config(warehouse, DATE, 30, 10, new ReputationThresholds(50)));
        SuppressJob.run(spark, new SuppressJob.Config(warehouse, DATE, SuppressionRules.Settings.defaults()));
        spark.sql("USE `" + WarehouseCatalog.local().register(spark, warehouse) + "`.`" + AthenaDdl.DEFAULT_DATABASE + "`");
    }

    @Test
    void everyWrittenTableReadsTheSameRowsByItsName() {
        for (Table table : Table.values()) {
            long direct = TableWriter.read(spark, table, warehouse).count();
            assertEquals(direct, spark.table(AthenaDdl.DEFAULT_DATABASE + "." + table.tableName()).count(), table.tableName());
            assertTrue(direct > 0, table.tableName() + " is empty");
        }
        Row bounce = spark.sql("SELECT count(*), count(DISTINCT event_date) FROM events WHERE event_type = 'bounce'").first();
        assertTrue(bounce.getLong(0) > 0);
    }

    @Test
    void everyQueryOfSqlQueriesAnswers() throws IOException {
        String suppressed = spark.sql("SELECT min(address) FROM suppression WHERE status = 'SUPPRESSED'").first().getString(0);
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(QUERIES)) {
            list.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(p -> files.add(p.getFileName().toString()));
        }
        assertEquals(8, files.size());
        for (String name : files) {
            String text = Files.readString(QUERIES.resolve(name), StandardCharsets.UTF_8);
            List<String> parameters = QueryText.exampleParameters(text);
            if (name.equals("why-suppressed.sql")) {
                parameters = List.of("'" + suppressed.toUpperCase() + "'");
            }
            List<Row> rows = spark.sql(QueryText.bind(QueryText.statement(text), parameters)).collectAsList();
            assertFalse(rows.isEmpty(), name + " answered no rows");
        }
    }
}
