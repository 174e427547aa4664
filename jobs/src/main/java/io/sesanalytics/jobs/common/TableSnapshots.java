package io.sesanalytics.jobs.common;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The current Iceberg snapshot of every table, so that a night whose check fails after some tables committed
 * can put those tables back where they were.
 */
public final class TableSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(TableSnapshots.class);

    private final Map<Table, Long> current;

    private TableSnapshots(Map<Table, Long> current) {
        this.current = current;
    }

    /** Every table's current snapshot id; a table never written, or without a snapshot, has none. */
    public static TableSnapshots of(SparkSession spark, String warehouse) {
        Map<Table, Long> current = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            Snapshot snapshot = TableWriter.exists(spark, table, warehouse) ? load(spark, warehouse, table).currentSnapshot() : null;
            current.put(table, snapshot == null ? null : snapshot.snapshotId());
        }
        return new TableSnapshots(current);
    }

    /** The snapshots made since {@code before}, by table name. */
    public Map<String, Long> madeSince(TableSnapshots before) {
        Map<String, Long> made = new LinkedHashMap<>();
        current.forEach((table, id) -> {
            if (id != null && !Objects.equals(id, before.current.get(table))) {
                made.put(table.tableName(), id);
            }
        });
        return made;
    }

    /** A table put back to its earlier snapshot: the snapshot it left and the one it has again (null: empty). */
    public record RolledBack(long from, Long to) {
    }

    /**
     * Puts every table whose snapshot differs from this one back to it: the earlier snapshot becomes current
     * again, in one commit per table; a table that had no snapshot is emptied. Returns what was rolled back.
     */
    public Map<String, RolledBack> rollBack(SparkSession spark, String warehouse) {
        Map<String, RolledBack> rolledBack = new LinkedHashMap<>();
        TableSnapshots now = of(spark, warehouse);
        now.current.forEach((table, id) -> {
            Long earlier = current.get(table);
            if (id == null || id.equals(earlier)) {
                return;
            }
            org.apache.iceberg.Table iceberg = load(spark, warehouse, table);
            if (earlier != null) {
                iceberg.manageSnapshots().setCurrentSnapshot(earlier).commit();
            } else {
                iceberg.newDelete().deleteFromRowFilter(org.apache.iceberg.expressions.Expressions.alwaysTrue()).commit();
            }
            LOG.warn("{}: rolled back from snapshot {} to {}", table.tableName(), id, earlier == null ? "none (emptied)" : earlier);
            rolledBack.put(table.tableName(), new RolledBack(id, earlier));
        });
        return rolledBack;
    }

    /** Iceberg's own view of a table, fresh from its catalog. */
    public static org.apache.iceberg.Table load(SparkSession spark, String warehouse, Table table) {
        try {
            org.apache.iceberg.Table iceberg = Spark3Util.loadIcebergTable(spark,
                    WarehouseCatalog.tableName(spark, warehouse, table));
            iceberg.refresh();
            return iceberg;
        } catch (ParseException | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("cannot load " + table.tableName(), e);
        }
    }
}
