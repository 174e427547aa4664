package io.sesanalytics.jobs.common;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Iceberg catalog of a warehouse, registered in a SparkSession as a Spark catalog of its own. Its name is
 * derived from the warehouse, so that one session can hold several warehouses (tests do) and every job finds
 * the tables of its warehouse without being handed a catalog. Spark keeps a catalog once loaded, so a
 * warehouse's catalog is chosen before its first table is touched; a warehouse never registered gets the
 * local one.
 *
 * @param database the catalog namespace of the tables (a Glue database)
 * @param region   the Glue catalog's region, or null for the AWS default region chain
 * @param endpoint a Glue endpoint to call instead of the region's, or null
 */
public record WarehouseCatalog(CatalogMode mode, String database, String region, URI endpoint) {
    public static final String DEFAULT_DATABASE = "ses_analytics";
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseCatalog.class);
    private static final String SPARK_CATALOG = "org.apache.iceberg.spark.SparkCatalog";
    /** Where a registered catalog keeps its database; Iceberg ignores options it does not know. */
    private static final String DATABASE = "spark.sql.catalog.%s.ses-analytics.database";

    public WarehouseCatalog {
        Objects.requireNonNull(mode, "mode");
        if (database == null || !database.matches("[a-z0-9_]{1,255}")) {
            throw new IllegalArgumentException("--glue-database must be lower-case letters, digits and _, not " + database);
        }
    }

    /** The Hadoop catalog on the warehouse path, with the default database. */
    public static WarehouseCatalog local() {
        return new WarehouseCatalog(CatalogMode.LOCAL, DEFAULT_DATABASE, null, null);
    }

    /**
     * Registers this catalog for the warehouse, with its database; returns the Spark catalog's name. Registering
     * again with the same settings does nothing; with other settings it fails, as Spark keeps the first.
     */
    public String register(SparkSession spark, String warehouse) {
        String location = Locations.normalize(warehouse);
        String name = catalogName(location);
        String prefix = "spark.sql.catalog." + name;
        Map<String, String> settings = settings(location);
        String registered = spark.conf().get(prefix + ".ses-analytics.catalog", null);
        if (registered != null) {
            if (!registered.equals(describe())) {
                throw new IllegalStateException("the warehouse " + location + " is already open with the catalog "
                        + registered + " in this session");
            }
            return name;
        }
        if (mode == CatalogMode.LOCAL && location.matches("^s3[an]?://.*")) {
            // The Hadoop catalog commits by renaming a file, which S3 does not do atomically.
            LOG.warn("the local catalog on {} is safe for one writer at a time only; on S3 use --catalog glue", location);
        }
        spark.conf().set(prefix, SPARK_CATALOG);
        settings.forEach((key, value) -> spark.conf().set(prefix + "." + key, value));
        spark.conf().set(prefix + ".ses-analytics.catalog", describe());
        spark.conf().set(DATABASE.formatted(name), database);
        spark.sql("CREATE NAMESPACE IF NOT EXISTS `" + name + "`.`" + database + "`");
        return name;
    }

    /** The catalog options Iceberg's SparkCatalog takes. */
    Map<String, String> settings(String location) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("warehouse", location);
        switch (mode) {
            case LOCAL -> settings.put("type", "hadoop");
            case GLUE -> {
                settings.put("catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog");
                // Through Hadoop's file systems: EMRFS on EMR, S3A elsewhere, configured as the rest of the job is.
                settings.put("io-impl", "org.apache.iceberg.hadoop.HadoopFileIO");
                settings.put("http-client.type", "urlconnection");
                if (region != null) {
                    settings.put("client.region", region);
                }
                if (endpoint != null) {
                    settings.put("glue.endpoint", endpoint.toString());
                }
            }
        }
        return settings;
    }

    private String describe() {
        return mode.name().toLowerCase() + ":" + database + (region == null ? "" : "@" + region)
                + (endpoint == null ? "" : "@" + endpoint);
    }

    /** The quoted name of a table of the warehouse, registering the local catalog if none was. */
    public static String tableName(SparkSession spark, String warehouse, Table table) {
        String name = catalogName(Locations.normalize(warehouse));
        String database = spark.conf().get(DATABASE.formatted(name), null);
        if (database == null) {
            local().register(spark, warehouse);
            database = local().database();
        }
        return "`" + name + "`.`" + database + "`.`" + table.tableName() + "`";
    }

    /** {@code ses_} and a digest of the warehouse location: a valid, stable identifier. */
    static String catalogName(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return "ses_" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
