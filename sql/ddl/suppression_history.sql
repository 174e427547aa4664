-- Suppression-list changes: added, renewed, released, and why.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the Glue table that `publish` creates has the same columns. Partitions: run `publish`, or
-- MSCK REPAIR TABLE ses_analytics.suppression_history;
CREATE EXTERNAL TABLE IF NOT EXISTS `ses_analytics`.`suppression_history` (
  `address` string COMMENT 'recipient address, lower-cased',
  `change` string COMMENT 'added, renewed or released',
  `reason` string COMMENT 'BOUNCE or COMPLAINT',
  `suppression_trigger` string COMMENT 'COMPLAINT, PERMANENT_BOUNCE or TRANSIENT_BOUNCES',
  `detail` string COMMENT 'what happened, e.g. the bounce\'s diagnostic code'
)
COMMENT 'Suppression-list changes: added, renewed, released, and why'
PARTITIONED BY (
  `change_date` date COMMENT 'run date of the change'
)
STORED AS PARQUET
LOCATION 's3://${DATA_BUCKET}/warehouse/suppression_history/'
TBLPROPERTIES ('parquet.compression'='SNAPPY');
