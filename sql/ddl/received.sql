-- Mail received by SES, one row per message.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`received` (
  `message_id` string COMMENT 'SES message id of the received mail',
  `receipt_time` timestamp COMMENT 'when SES received the mail (receipt.timestamp)',
  `receipt_date` date COMMENT 'UTC date of receipt_time',
  `mail_time` timestamp COMMENT 'mail.timestamp',
  `source_address` string COMMENT 'envelope sender (mail.source), lower-cased',
  `source_domain` string COMMENT 'domain of source_address',
  `from_header` string COMMENT 'first From header, as sent',
  `from_address` string COMMENT 'address of the From header, lower-cased',
  `from_domain` string COMMENT 'domain of from_address',
  `destinations` array<string> COMMENT 'mail.destination, lower-cased',
  `receipt_recipients` array<string> COMMENT 'receipt.recipients: the recipients the receipt rule matched, lower-cased',
  `subject` string COMMENT 'Subject header',
  `spam_verdict` string COMMENT 'PASS, FAIL, GRAY or PROCESSING_FAILED',
  `virus_verdict` string COMMENT 'PASS, FAIL, GRAY or PROCESSING_FAILED',
  `spf_verdict` string COMMENT 'PASS, FAIL, GRAY or PROCESSING_FAILED',
  `dkim_verdict` string COMMENT 'PASS, FAIL, GRAY or PROCESSING_FAILED',
  `dmarc_verdict` string COMMENT 'PASS, FAIL, GRAY or PROCESSING_FAILED',
  `dmarc_policy` string COMMENT 'none, quarantine or reject, when DMARC failed',
  `action_type` string COMMENT 'receipt rule action that published the notification: SNS, S3, Lambda, ...',
  `action_topic_arn` string COMMENT 'topic of the action',
  `s3_bucket` string COMMENT 'bucket of an S3 action',
  `s3_object_key` string COMMENT 'object key of an S3 action',
  `processing_time_ms` bigint COMMENT 'receipt.processingTimeMillis',
  `sns_message_id` string COMMENT 'SNS MessageId of the captured message',
  `capture_date` date COMMENT 'UTC date the raw line was captured (raw layout dt)'
)
PARTITIONED BY (receipt_date, capture_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/received'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
