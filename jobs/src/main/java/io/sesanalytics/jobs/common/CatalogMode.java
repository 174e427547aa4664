package io.sesanalytics.jobs.common;

/** Which Iceberg catalog holds the tables: the AWS Glue Data Catalog, or files beside the tables. */
public enum CatalogMode {
    /** Iceberg's GlueCatalog: Athena, EMR and Glue see every commit at once. */
    GLUE,
    /** Iceberg's Hadoop catalog on the warehouse path: needs no server. */
    LOCAL
}
