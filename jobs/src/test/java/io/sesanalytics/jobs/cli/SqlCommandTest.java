package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlCommandTest {
    @Test
    void resultsPrintAsCsvWithAHeaderNestedValuesAsJson() throws Exception {
        SparkSession spark = SparkTestSession.get();
        QueryResults.TextResult result = QueryResults.asText(spark.sql(
                "SELECT 'a,b' AS text, CAST(NULL AS STRING) AS missing, array('x', 'y') AS list, "
                        + "map('k', array('v')) AS tags, DATE'2026-11-24' AS day, 3L AS n"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SqlCommand.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals("text,missing,list,tags,day,n\n"
                        + "\"a,b\",,\"[\"\"x\"\",\"\"y\"\"]\",\"{\"\"k\"\":[\"\"v\"\"]}\",2026-11-24,3\n",
                bytes.toString(StandardCharsets.UTF_8));
    }
}
