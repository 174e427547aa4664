-- Identity of every event and received line of a capture date, for recognising copies captured later.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`record_keys` (
  `record_key` string COMMENT 'identity of the SES event or received message',
  `format_rank` int COMMENT '0 for event publishing and receipts naming an S3 object, 1 for identity notifications and other receipts',
  `source_file` string COMMENT 'raw object',
  `sns_message_id` string COMMENT 'SNS MessageId, if the line is an SNS message',
  `capture_date` date COMMENT 'UTC date the raw line was captured (raw layout dt)'
)
PARTITIONED BY (capture_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/record_keys'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
