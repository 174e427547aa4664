package io.sesanalytics.jobs.publish;

/** Where the tables are published: AWS Glue, the Spark session's own catalog, or nowhere. */
public enum CatalogMode {
    GLUE, LOCAL, NONE
}
