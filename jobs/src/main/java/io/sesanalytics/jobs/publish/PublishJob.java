package io.sesanalytics.jobs.publish;

import io.sesanalytics.jobs.common.Locations;
import io.sesanalytics.jobs.common.RunSummaries;
import io.sesanalytics.jobs.common.Storage;
import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Publishes the written tables to a catalog: the last step of the nightly pipeline. */
public final class PublishJob {
    private static final Logger LOG = LoggerFactory.getLogger(PublishJob.class);

    /**
     * @param glue builds the Glue client, used only with {@link CatalogMode#GLUE}
     */
    public record Config(String warehouse, LocalDate date, CatalogMode catalog, String database,
                         Supplier<GlueClient> glue) {
        public Config {
            warehouse = Locations.normalize(warehouse);
            if (catalog == null) {
                throw new IllegalArgumentException("--catalog is required");
            }
            if (database == null || !database.matches("[a-z0-9_]{1,255}")) {
                throw new IllegalArgumentException("--glue-database must be lower-case letters, digits and _, not "
                        + database);
            }
        }

        /** The same catalog for another run date. */
        public Config withDate(LocalDate other) {
            return new Config(warehouse, other, catalog, database, glue);
        }

        public static Supplier<GlueClient> defaultGlue(String region, URI endpoint) {
            return () -> GlueClients.create(region, endpoint);
        }
    }

    /** What the publish did: for Glue whether the database was created and one result per table. */
    public record PublishSummary(LocalDate date, CatalogMode catalog, String database, boolean databaseCreated,
                                 List<GluePublisher.TableResult> tables) {
    }

    private PublishJob() {
    }

    public static PublishSummary run(SparkSession spark, Config config) {
        List<GluePublisher.TableResult> results = new ArrayList<>();
        boolean created = false;
        switch (config.catalog()) {
            case NONE -> {
            }
            case LOCAL -> LocalCatalog.register(spark, config.warehouse(), config.database())
                    .forEach(name -> results.add(new GluePublisher.TableResult(name, "registered", 0, 0,
                            (int) spark.sql("SHOW PARTITIONS `" + config.database() + "`.`" + name + "`").count())));
            case GLUE -> {
                try (GlueClient glue = config.glue().get()) {
                    GluePublisher publisher = new GluePublisher(glue, config.database());
                    created = publisher.ensureDatabase();
                    for (Table table : Table.values()) {
                        String location = Locations.table(config.warehouse(), table);
                        if (Storage.exists(spark, location)) {
                            results.add(publisher.publish(table, config.warehouse(), partitions(spark, table, location)));
                        }
                    }
                }
            }
        }
        PublishSummary summary = new PublishSummary(config.date(), config.catalog(), config.database(), created, results);
        if (config.date() != null) {
            RunSummaries.putSection(spark, config.warehouse(), config.date(), "publish", summary);
        }
        LOG.info("published {} table(s) to the {} catalog, database {}", results.size(),
                config.catalog().name().toLowerCase(), config.database());
        return summary;
    }

    /** The partitions of a table present in storage, as values in partition-key order. */
    static List<List<String>> partitions(SparkSession spark, Table table, String location) {
        StringBuilder pattern = new StringBuilder(location);
        for (String key : table.partitionColumns()) {
            pattern.append('/').append(key).append("=*");
        }
        int keys = table.partitionColumns().size();
        List<List<String>> partitions = new ArrayList<>();
        for (String path : Storage.glob(spark, pattern.toString())) {
            String[] segments = path.split("/");
            List<String> values = new ArrayList<>();
            for (int i = segments.length - keys; i < segments.length; i++) {
                values.add(unescape(segments[i].substring(segments[i].indexOf('=') + 1)));
            }
            partitions.add(values);
        }
        return partitions;
    }

    /** Spark writes partition values with %XX escapes for characters that are unsafe in paths. */
    private static String unescape(String value) {
        return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
