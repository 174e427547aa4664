-- Raw capture lines that could not be normalized, with the reason.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`quarantine` (
  `reason` string COMMENT 'code of why the line could not be normalized: not_json, sns_message_not_json, unknown_event_type, no_message_id, no_recipients, bad_timestamp, implausible_time, capture_unparsed, truncated_gzip, ... (QuarantineReason)',
  `reason_detail` string COMMENT 'the message of the parser; for unknown_event_type and unknown_notification_type exactly the type',
  `source_file` string COMMENT 'raw object the line came from',
  `raw_line` string COMMENT 'the line as captured',
  `capture_date` date COMMENT 'UTC date the raw line was captured (raw layout dt)'
)
PARTITIONED BY (capture_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/quarantine'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
