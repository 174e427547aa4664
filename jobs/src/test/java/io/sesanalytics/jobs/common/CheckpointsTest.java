package io.sesanalytics.jobs.common;

import io.sesanalytics.jobs.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointsTest {
    @TempDir
    Path warehouse;

    @Test
    void theClustersCheckpointIsWrittenUnderTheWarehouseReadBackAndDeletedOnRelease() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> rows = spark.range(0, 100, 1, 4).withColumn("twice", col("id").multiply(2));

        Dataset<Row> kept = Checkpoints.keepReliably(rows, warehouse.toString());

        assertEquals(100, kept.count());
        assertEquals(List.of(99L * 2), kept.filter(col("id").equalTo(99)).select("twice").as(
                org.apache.spark.sql.Encoders.LONG()).collectAsList());
        assertTrue(filesUnder(warehouse.resolve(Checkpoints.FOLDER)) > 0, "checkpoint files under the warehouse");
        Checkpoints.release(kept);
        assertEquals(0, filesUnder(warehouse.resolve(Checkpoints.FOLDER)), "checkpoint files left after release");
    }

    @Test
    void onOneMachineTheRowsAreKeptOnLocalDiskWithTheirLineageCutAndFreedOnRelease() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> rows = spark.range(0, 1000, 1, 4).withColumn("text", functions.concat(functions.lit("row "),
                col("id").cast("string")));

        Dataset<Row> kept = Checkpoints.keep(rows, warehouse.toString());

        assertEquals(rows.collectAsList(), kept.collectAsList());
        RDD<?> keptRdd = ((LogicalRDD) kept.queryExecution().analyzed()).rdd();
        RDD<?> stored = keptRdd.dependencies().head().rdd();
        StorageLevel level = stored.getStorageLevel();
        assertTrue(level.useDisk() && !level.useMemory() && !level.deserialized(), "serialized on local disk: " + level);
        assertTrue(stored.isCheckpointed(), "lineage cut");
        assertTrue(spark.sparkContext().getPersistentRDDs().contains(stored.id()));
        Checkpoints.release(kept);
        assertFalse(spark.sparkContext().getPersistentRDDs().contains(stored.id()), "freed");
    }

    @Test
    void nestedRowsKeptOnLocalDiskComeBackEqual() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> rows = spark.range(0, 500, 1, 3)
                .withColumn("tags", functions.map(functions.lit("campaign"), col("id").cast("string")))
                .withColumn("recipients", functions.array(functions.struct(col("id").as("n"),
                        functions.concat(functions.lit("r"), col("id").cast("string")).as("address"))))
                .withColumn("missing", functions.lit(null).cast("string"));

        Dataset<Row> kept = Checkpoints.keep(rows, warehouse.toString());

        assertEquals(rows.collectAsList(), kept.collectAsList());
        assertEquals(rows.collectAsList(), kept.collectAsList(), "read a second time");
        Checkpoints.release(kept);
    }

    @Test
    void rowsCachedOnDiskKeepTheirLineageAndAreFreedOnRelease() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> rows = spark.range(0, 300, 1, 3).withColumn("text", col("id").cast("string"));

        Dataset<Row> cached = Checkpoints.cacheOnDisk(rows);

        assertEquals(rows.collectAsList(), cached.collectAsList());
        RDD<?> stored = ((LogicalRDD) cached.queryExecution().analyzed()).rdd().dependencies().head().rdd();
        assertEquals(StorageLevel.DISK_ONLY(), stored.getStorageLevel());
        assertFalse(stored.isCheckpointed(), "a lost block is computed again");
        Checkpoints.release(cached);
        assertFalse(spark.sparkContext().getPersistentRDDs().contains(stored.id()), "freed");
    }

    private static long filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
