-- Mail received by SES, one row per destination address.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the Glue table that `publish` creates has the same columns. Partitions: run `publish`, or
-- MSCK REPAIR TABLE ses_analytics.received_destinations;
CREATE EXTERNAL TABLE IF NOT EXISTS `ses_analytics`.`received_destinations` (
  `message_id` string COMMENT 'SES message id of the received mail',
  `receipt_time` timestamp COMMENT 'when SES received the mail',
  `source_address` string COMMENT 'envelope sender, lower-cased',
  `source_domain` string COMMENT 'domain of source_address',
  `destination` string COMMENT 'one destination address, lower-cased',
  `destination_domain` string COMMENT 'domain of destination'
)
COMMENT 'Mail received by SES, one row per destination address'
PARTITIONED BY (
  `receipt_date` date COMMENT 'UTC date of receipt_time',
  `capture_date` date COMMENT 'UTC date the raw line was captured (raw layout dt)'
)
STORED AS PARQUET
LOCATION 's3://${DATA_BUCKET}/warehouse/received_destinations/'
TBLPROPERTIES ('parquet.compression'='SNAPPY');
