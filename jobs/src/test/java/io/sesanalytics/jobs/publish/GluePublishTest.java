package io.sesanalytics.jobs.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sesanalytics.jobs.EventRowsFixture;
import io.sesanalytics.jobs.SparkTestSession;
import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.Table;
import io.sesanalytics.jobs.common.TableWriter;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK Glue client against a local endpoint speaking Glue's JSON protocol. */
class GluePublishTest {
    private static final String DB = "ses_analytics";
    @TempDir
    static Path dir;
    private static String warehouse;
    private static SparkSession spark;

    @BeforeAll
    static void writeTables() {
        spark = SparkTestSession.get();
        warehouse = Locations.normalize(dir.resolve("warehouse").toString());
        EventRowsFixture events = new EventRowsFixture();
        events.add("send", "2026-11-20T10:00:00Z", "a@example.com", "b@example.org");
        events.add("bounce", "2026-11-20T10:01:00Z", "a@example.com", "b@example.org").bounce("Permanent", "550");
        events.add("send", "2026-11-21T10:00:00Z", "a@example.com", "c@example.org");
        events.add("delivery", "2026-11-20T23:59:00Z", "a@example.com", "d@example.org").captured("2026-11-21");
        TableWriter.overwritePartitions(events.frame(), Table.EVENTS, warehouse);
    }

    private static PublishJob.PublishSummary publish(GlueEndpointStub glue) {
        return PublishJob.run(spark, new PublishJob.Config(warehouse, null, CatalogMode.GLUE, DB,
                () -> GlueClients.create("us-east-1", glue.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Duration.ofMillis(5))));
    }

    private static final Set<List<String>> EVENT_PARTITIONS = Set.of(
            List.of("2026-11-20", "2026-11-20"), List.of("2026-11-20", "2026-11-21"), List.of("2026-11-21", "2026-11-21"));

    @Test
    void theFirstPublishCreatesTheDatabaseTheTableAndItsPartitions() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            PublishJob.PublishSummary summary = publish(glue);

            assertTrue(summary.databaseCreated());
            assertEquals(List.of("GetDatabase", "CreateDatabase", "GetTable", "CreateTable", "GetPartitions",
                    "BatchCreatePartition"), glue.operations());
            JsonNode input = glue.calls().get(3).body().path("TableInput");
            assertEquals("events", input.path("Name").asText());
            assertEquals("EXTERNAL_TABLE", input.path("TableType").asText());
            JsonNode storage = input.path("StorageDescriptor");
            assertEquals(warehouse + "/events/", storage.path("Location").asText());
            assertEquals(GlueTables.SERDE, storage.path("SerdeInfo").path("SerializationLibrary").asText());
            List<String> columns = new ArrayList<>();
            storage.path("Columns").forEach(c -> columns.add(c.path("Name").asText() + " " + c.path("Type").asText()));
            assertEquals(CatalogColumns.dataColumns(Table.EVENTS).stream().map(c -> c.name() + " " + c.type()).toList(),
                    columns);
            assertTrue(columns.contains("tags map<string,array<string>>"));
            assertTrue(columns.contains("event_time timestamp"));
            List<String> keys = new ArrayList<>();
            input.path("PartitionKeys").forEach(c -> keys.add(c.path("Name").asText() + " " + c.path("Type").asText()));
            assertEquals(List.of("event_date date", "capture_date date"), keys);
            assertEquals(EVENT_PARTITIONS, Set.copyOf(glue.partitionValues(DB, "events")));
            JsonNode partition = glue.calls().get(5).body().path("PartitionInputList").get(0);
            assertEquals(warehouse + "/events/event_date=2026-11-20/capture_date=2026-11-20/",
                    partition.path("StorageDescriptor").path("Location").asText());
        }
    }

    @Test
    void aSecondPublishOnlyReads() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            publish(glue);
            glue.clearCalls();

            PublishJob.PublishSummary again = publish(glue);

            assertEquals(List.of("GetDatabase", "GetTable", "GetPartitions"), glue.operations());
            assertEquals("unchanged", again.tables().get(0).definition());
            assertFalse(again.databaseCreated());
        }
    }

    @Test
    void aSchemaChangeUpdatesTheTableAndKeepsItsPartitions() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            publish(glue);
            // The catalog still has the definition of an older release, without the last column.
            ArrayNode columns = (ArrayNode) glue.table(DB, "events").path("StorageDescriptor").path("Columns");
            columns.remove(columns.size() - 1);
            glue.clearCalls();

            PublishJob.PublishSummary summary = publish(glue);

            assertEquals(List.of("GetDatabase", "GetTable", "UpdateTable", "GetPartitions"), glue.operations());
            assertTrue(glue.calls().get(2).body().path("SkipArchive").asBoolean());
            assertEquals("updated", summary.tables().get(0).definition());
            assertEquals(CatalogColumns.dataColumns(Table.EVENTS).size(),
                    glue.table(DB, "events").path("StorageDescriptor").path("Columns").size());
            assertEquals(EVENT_PARTITIONS, Set.copyOf(glue.partitionValues(DB, "events")));
        }
    }

    @Test
    void partitionsNoLongerInStorageAreRemoved() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            publish(glue);
            publishExtraPartition(glue);
            glue.clearCalls();

            PublishJob.PublishSummary summary = publish(glue);

            assertEquals(List.of("GetDatabase", "GetTable", "GetPartitions", "BatchDeletePartition"), glue.operations());
            assertEquals(1, summary.tables().get(0).partitionsRemoved());
            assertEquals(EVENT_PARTITIONS, Set.copyOf(glue.partitionValues(DB, "events")));
        }
    }

    @Test
    void throttlingIsRetried() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            glue.throttle("CreateTable", 2);
            glue.throttle("BatchCreatePartition", 1);

            PublishJob.PublishSummary summary = publish(glue);

            assertEquals(3, glue.operations().stream().filter("CreateTable"::equals).count());
            assertEquals(2, glue.operations().stream().filter("BatchCreatePartition"::equals).count());
            assertEquals("created", summary.tables().get(0).definition());
            assertEquals(EVENT_PARTITIONS, Set.copyOf(glue.partitionValues(DB, "events")));
        }
    }

    @Test
    void accessDeniedIsReportedOnceWithTheCallAndTheTableAndTheDataStays() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            glue.deny("CreateTable");

            PublishException error = assertThrows(PublishException.class, () -> publish(glue));

            assertTrue(error.getMessage().startsWith("Glue CreateTable on ses_analytics.events failed with HTTP 400, "
                    + "AccessDeniedException: User: arn:aws:iam::123456789012:role/nightly is not authorized"), error.getMessage());
            assertEquals(1, glue.operations().stream().filter("CreateTable"::equals).count());
            assertEquals(4, TableWriter.read(spark, Table.EVENTS, warehouse).count());
        }
    }

    @Test
    void partitionsThatGlueRefusesAreReportedWithTheirErrorAndTheOthersAreRegistered() throws Exception {
        try (GlueEndpointStub glue = new GlueEndpointStub()) {
            glue.refusePartition(List.of("2026-11-20", "2026-11-21"), "ResourceNumberLimitExceededException");

            PublishException error = assertThrows(PublishException.class, () -> publish(glue));

            assertEquals("Glue BatchCreatePartition on ses_analytics.events failed for 1 partition(s): "
                    + "[2026-11-20, 2026-11-21]: ResourceNumberLimitExceededException refused by the test", error.getMessage());
            assertEquals(Set.of(List.of("2026-11-20", "2026-11-20"), List.of("2026-11-21", "2026-11-21")),
                    Set.copyOf(glue.partitionValues(DB, "events")));
        }
    }

    private static void publishExtraPartition(GlueEndpointStub glue) throws Exception {
        // A partition registered earlier whose folder a later run removed.
        software.amazon.awssdk.services.glue.GlueClient client = GlueClients.create("us-east-1", glue.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Duration.ofMillis(5));
        client.batchCreatePartition(b -> b.databaseName(DB).tableName("events").partitionInputList(
                GlueTables.partitionInput(Table.EVENTS, warehouse, List.of("2026-11-19", "2026-11-19"))));
        client.close();
    }
}
