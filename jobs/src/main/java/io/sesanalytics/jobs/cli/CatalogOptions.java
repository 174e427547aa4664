package io.sesanalytics.jobs.cli;

import io.sesanalytics.jobs.common.CatalogMode;
import io.sesanalytics.jobs.common.WarehouseCatalog;
import picocli.CommandLine.Option;

import java.net.URI;

/** Options naming the Iceberg catalog of the tables. */
public final class CatalogOptions {
    @Option(names = "--catalog", defaultValue = "local", paramLabel = "glue|local",
            converter = CatalogModeConverter.class,
            description = "Catalog of the Iceberg tables: glue (AWS Glue Data Catalog, read by Athena) or local "
                    + "(files beside the tables, no server) (default: ${DEFAULT-VALUE}).")
    CatalogMode catalog;

    @Option(names = "--glue-database", defaultValue = WarehouseCatalog.DEFAULT_DATABASE, paramLabel = "NAME",
            description = "Database (namespace) of the tables (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--glue-region", paramLabel = "REGION",
            description = "Region of the Glue catalog (default: the AWS default region chain).")
    String region;

    @Option(names = "--glue-endpoint", paramLabel = "URL", hidden = true,
            description = "Glue endpoint to call instead of the region's.")
    URI endpoint;

    WarehouseCatalog catalog() {
        return new WarehouseCatalog(catalog, database, region, endpoint);
    }

    static final class CatalogModeConverter implements picocli.CommandLine.ITypeConverter<CatalogMode> {
        @Override
        public CatalogMode convert(String value) {
            try {
                return CatalogMode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "--catalog must be glue or local, not '" + value + "'");
            }
        }
    }
}
