package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.publish.AthenaDdl;
import io.sesanalytics.jobs.publish.CatalogMode;
import io.sesanalytics.jobs.publish.PublishJob;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.LocalDate;

/** Options of the publish step. */
public final class CatalogOptions {
    @Option(names = "--catalog", defaultValue = "local", paramLabel = "glue|local|none",
            converter = CatalogModeConverter.class,
            description = "Where to publish the tables: glue (AWS Glue Data Catalog), local (Spark's catalog of this run), none (default: ${DEFAULT-VALUE}).")
    CatalogMode catalog;

    @Option(names = "--glue-database", defaultValue = AthenaDdl.DEFAULT_DATABASE, paramLabel = "NAME",
            description = "Catalog database of the tables (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--glue-region", paramLabel = "REGION",
            description = "Region of the Glue catalog (default: the AWS default region chain).")
    String region;

    @Option(names = "--glue-endpoint", paramLabel = "URL", hidden = true,
            description = "Glue endpoint to call instead of the region's.")
    URI endpoint;

    PublishJob.Config config(String warehouse, LocalDate date) {
        return new PublishJob.Config(warehouse, date, catalog, database, PublishJob.Config.defaultGlue(region, endpoint));
    }

    static final class CatalogModeConverter implements picocli.CommandLine.ITypeConverter<CatalogMode> {
        @Override
        public CatalogMode convert(String value) {
            try {
                return CatalogMode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "--catalog must be glue, local or none, not '" + value + "'");
            }
        }
    }
}
