package io.sesanalytics.jobs.common;

import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession: local mode on one machine, or whatever spark-submit / EMR configured. */
public final class SparkSessions {
    /** The session setting that names the run, kept in every snapshot the run commits. */
    public static final String RUN_ID = "ses-analytics.run-id";

    private SparkSessions() {
    }

    /** Settings every session of the jobs needs, local or on a cluster. */
    public static SparkSession.Builder withJobDefaults(SparkSession.Builder builder) {
        return builder
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.adaptive.enabled", "true")
                // The jobs group mostly by nearly unique keys (messages, addresses), which fill Spark's small
                // first-level aggregation map at once; past that it only costs every row a probe and a copy of
                // each string key before the regular map.
                .config("spark.sql.codegen.aggregate.map.twolevel.enabled", "false")
                .config("spark.sql.debug.maxToStringFields", "200");
    }

    /**
     * The session for a command-line run. Under spark-submit the master is already set and is kept;
     * otherwise Spark runs locally on all cores, with s3:// served by S3A as on EMR it is by EMRFS.
     */
    public static SparkSession forCommandLine(String appName) {
        SparkSession.Builder builder = withJobDefaults(SparkSession.builder().appName(appName));
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "8")
                    // A table's partition folders are listed by the driver, however many: beyond 32 Spark would
                    // list them in a job of its own, which costs more on one machine than the listing itself.
                    .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000")
                    .config("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem")
                    // Hadoop 3.3's S3A takes only AWS SDK v1 provider classes.
                    .config("spark.hadoop.fs.s3a.aws.credentials.provider",
                            "com.amazonaws.auth.DefaultAWSCredentialsProviderChain");
        }
        return builder.getOrCreate();
    }
}
