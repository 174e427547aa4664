-- Top sender domains by distinct messages over 1, 7 and 30 days.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the Glue table that `publish` creates has the same columns. Partitions: run `publish`, or
-- MSCK REPAIR TABLE ses_analytics.top_sender_domains;
CREATE EXTERNAL TABLE IF NOT EXISTS `ses_analytics`.`top_sender_domains` (
  `direction` string COMMENT 'sent (from events) or received (from received mail)',
  `window_days` int COMMENT '1, 7 or 30: the window ends at report_date',
  `rank` int COMMENT '1 = most messages; ties ordered by key',
  `source_domain` string COMMENT 'sender domain',
  `messages` bigint COMMENT 'distinct messages in the window'
)
COMMENT 'Top sender domains by distinct messages over 1, 7 and 30 days'
PARTITIONED BY (
  `report_date` date COMMENT 'last day of the window'
)
STORED AS PARQUET
LOCATION 's3://${DATA_BUCKET}/warehouse/top_sender_domains/'
TBLPROPERTIES ('parquet.compression'='SNAPPY');
