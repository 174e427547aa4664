-- Mail received by SES, one row per destination address.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`received_destinations` (
  `message_id` string COMMENT 'SES message id of the received mail',
  `receipt_time` timestamp COMMENT 'when SES received the mail',
  `receipt_date` date COMMENT 'UTC date of receipt_time',
  `source_address` string COMMENT 'envelope sender, lower-cased',
  `source_domain` string COMMENT 'domain of source_address',
  `destination` string COMMENT 'one destination address, lower-cased',
  `destination_domain` string COMMENT 'domain of destination',
  `capture_date` date COMMENT 'UTC date the raw line was captured (raw layout dt)'
)
PARTITIONED BY (receipt_date, capture_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/received_destinations'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
