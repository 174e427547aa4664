-- Top sender addresses by distinct messages over 1, 7 and 30 days.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`top_senders` (
  `direction` string COMMENT 'sent (from events) or received (from received mail)',
  `window_days` int COMMENT '1, 7 or 30: the window ends at report_date',
  `rank` int COMMENT '1 = most messages; ties ordered by key',
  `source_address` string COMMENT 'sender address',
  `messages` bigint COMMENT 'distinct messages in the window',
  `report_date` date COMMENT 'last day of the window'
)
PARTITIONED BY (report_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/top_senders'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
