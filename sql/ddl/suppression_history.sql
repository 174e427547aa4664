-- Suppression-list changes: added, renewed, released, and why.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`suppression_history` (
  `address` string COMMENT 'recipient address, lower-cased',
  `change` string COMMENT 'added, renewed or released',
  `reason` string COMMENT 'BOUNCE or COMPLAINT',
  `suppression_trigger` string COMMENT 'COMPLAINT, PERMANENT_BOUNCE or TRANSIENT_BOUNCES',
  `detail` string COMMENT 'what happened, e.g. the bounce''s diagnostic code',
  `change_date` date COMMENT 'run date of the change'
)
PARTITIONED BY (change_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/suppression_history'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
