package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.TableInput;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates or updates the Glue database, tables and partitions of the warehouse. Every call is made
 * only when something differs, so a second publish of the same warehouse changes nothing; a schema change
 * updates the table in place and keeps its partitions.
 */
public final class GluePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(GluePublisher.class);
    /** Glue's limits per BatchCreatePartition and BatchDeletePartition call. */
    static final int CREATE_BATCH = 100;
    static final int DELETE_BATCH = 25;

    private final GlueClient glue;
    private final String database;

    public GluePublisher(GlueClient glue, String database) {
        this.glue = glue;
        this.database = database;
    }

    /** What one table's publish did. */
    public record TableResult(String table, String definition, int partitionsAdded, int partitionsRemoved,
                              int partitions) {
    }

    /** Creates the database if it is missing; true if it was created. */
    public boolean ensureDatabase() {
        try {
            call("GetDatabase", database, () -> glue.getDatabase(b -> b.name(database)));
            return false;
        } catch (EntityNotFoundException missing) {
            try {
                call("CreateDatabase", database, () -> glue.createDatabase(b -> b.databaseInput(DatabaseInput.builder()
                        .name(database).description("Amazon SES events and reports (ses-analytics)").build())));
            } catch (AlreadyExistsException raced) {
                return false;
            }
            return true;
        }
    }

    /**
     * Publishes one table and makes its partitions in Glue those found in storage.
     *
     * @param partitions every partition of the table present in storage, as values in key order
     */
    public TableResult publish(Table table, String warehouse, List<List<String>> partitions) {
        String name = database + "." + table.tableName();
        TableInput wanted = GlueTables.tableInput(table, warehouse);
        String definition;
        try {
            software.amazon.awssdk.services.glue.model.Table existing = call("GetTable", name,
                    () -> glue.getTable(b -> b.databaseName(database).name(table.tableName())).table());
            if (GlueTables.matches(existing, wanted)) {
                definition = "unchanged";
            } else {
                // SkipArchive: a nightly publish should not pile up table versions.
                call("UpdateTable", name, () -> glue.updateTable(b -> b.databaseName(database).tableInput(wanted)
                        .skipArchive(true)));
                definition = "updated";
            }
        } catch (EntityNotFoundException missing) {
            call("CreateTable", name, () -> glue.createTable(b -> b.databaseName(database).tableInput(wanted)));
            definition = "created";
        }

        Set<List<String>> inCatalog = new HashSet<>();
        call("GetPartitions", name, () -> {
            glue.getPartitionsPaginator(b -> b.databaseName(database).tableName(table.tableName()))
                    .stream().flatMap(page -> page.partitions().stream())
                    .forEach(p -> inCatalog.add(List.copyOf(p.values())));
            return null;
        });
        Set<List<String>> inStorage = new HashSet<>(partitions);
        List<PartitionInput> toAdd = partitions.stream().filter(p -> !inCatalog.contains(p)).sorted(GluePublisher::compare)
                .map(values -> GlueTables.partitionInput(table, warehouse, values)).toList();
        List<List<String>> toRemove = inCatalog.stream().filter(p -> !inStorage.contains(p)).sorted(GluePublisher::compare)
                .toList();
        addPartitions(name, table, toAdd);
        removePartitions(name, table, toRemove);
        LOG.info("Glue table {}: {}, {} partitions added, {} removed", name, definition, toAdd.size(), toRemove.size());
        return new TableResult(table.tableName(), definition, toAdd.size(), toRemove.size(), inStorage.size());
    }

    private void addPartitions(String name, Table table, List<PartitionInput> toAdd) {
        for (int from = 0; from < toAdd.size(); from += CREATE_BATCH) {
            List<PartitionInput> batch = toAdd.subList(from, Math.min(toAdd.size(), from + CREATE_BATCH));
            BatchCreatePartitionResponse response = call("BatchCreatePartition", name, () -> glue.batchCreatePartition(
                    b -> b.databaseName(database).tableName(table.tableName()).partitionInputList(batch)));
            failOnErrors("BatchCreatePartition", name, response.errors(), "AlreadyExistsException");
        }
    }

    private void removePartitions(String name, Table table, List<List<String>> toRemove) {
        for (int from = 0; from < toRemove.size(); from += DELETE_BATCH) {
            List<PartitionValueList> batch = toRemove.subList(from, Math.min(toRemove.size(), from + DELETE_BATCH))
                    .stream().map(values -> PartitionValueList.builder().values(values).build()).toList();
            BatchDeletePartitionResponse response = call("BatchDeletePartition", name, () -> glue.batchDeletePartition(
                    b -> b.databaseName(database).tableName(table.tableName()).partitionsToDelete(batch)));
            failOnErrors("BatchDeletePartition", name, response.errors(), "EntityNotFoundException");
        }
    }

    private static void failOnErrors(String operation, String name, List<PartitionError> errors, String harmless) {
        List<String> real = new ArrayList<>();
        for (PartitionError error : errors) {
            if (error.errorDetail() == null || !harmless.equals(error.errorDetail().errorCode())) {
                real.add(error.partitionValues() + ": " + (error.errorDetail() == null ? "?"
                        : error.errorDetail().errorCode() + " " + error.errorDetail().errorMessage()));
            }
        }
        if (!real.isEmpty()) {
            throw new PublishException("Glue " + operation + " on " + name + " failed for " + real.size()
                    + " partition(s): " + String.join("; ", real));
        }
    }

    /**
     * Runs one Glue call. The SDK has already retried throttling and server errors; what is left is
     * reported with the operation and table it concerns. Not-found and already-exists pass through.
     */
    private static <T> T call(String operation, String name, Supplier<T> request) {
        try {
            return request.get();
        } catch (EntityNotFoundException | AlreadyExistsException expected) {
            throw expected;
        } catch (GlueException e) {
            String detail = e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            throw new PublishException("Glue " + operation + " on " + name + " failed with HTTP " + e.statusCode()
                    + ", " + detail, e);
        } catch (SdkException e) {
            throw new PublishException("Glue " + operation + " on " + name + " failed: " + e.getMessage(), e);
        }
    }

    private static int compare(List<String> a, List<String> b) {
        return String.join("/", a).compareTo(String.join("/", b));
    }
}
