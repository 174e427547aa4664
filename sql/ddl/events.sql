-- SES sending events, one row per event per recipient.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`events` (
  `event_id` string COMMENT 'stable id: hash of message_id, event_type, event_time, recipient and link',
  `event_type` string COMMENT 'send, reject, bounce, complaint, delivery, open, click, rendering_failure, delivery_delay, subscription',
  `source_format` string COMMENT 'event_publishing (eventType) or identity_notification (notificationType)',
  `event_time` timestamp COMMENT 'when the event happened (UTC); the mail time for send, reject and rendering_failure',
  `event_date` date COMMENT 'UTC date of event_time',
  `message_id` string COMMENT 'SES message id (mail.messageId)',
  `mail_time` timestamp COMMENT 'when the mail was sent (mail.timestamp)',
  `source_address` string COMMENT 'sender address, lower-cased, without display name',
  `source_domain` string COMMENT 'domain of source_address',
  `source_display_name` string COMMENT 'display name of mail.source, if any',
  `source_raw` string COMMENT 'mail.source as sent',
  `from_header` string COMMENT 'first From header, as sent',
  `recipient` string COMMENT 'recipient address, lower-cased; null for opens, clicks and subscriptions of a mail with several recipients',
  `recipient_domain` string COMMENT 'domain of recipient',
  `bounce_type` string COMMENT 'Permanent, Transient or Undetermined',
  `bounce_subtype` string COMMENT 'SES bounce subtype, e.g. General, NoEmail, MailboxFull',
  `bounce_status` string COMMENT 'SMTP enhanced status code of the bounced or delayed recipient',
  `bounce_action` string COMMENT 'DSN action of the bounced recipient',
  `diagnostic_code` string COMMENT 'diagnostic code from the receiving MTA',
  `feedback_id` string COMMENT 'SES feedbackId of a bounce or complaint',
  `complaint_feedback_type` string COMMENT 'ARF feedback type, e.g. abuse',
  `complaint_subtype` string COMMENT 'complaint subtype, e.g. OnAccountSuppressionList',
  `delay_type` string COMMENT 'delivery delay type, e.g. MailboxFull, TransientCommunicationFailure',
  `reject_reason` string COMMENT 'why SES rejected the mail',
  `rendering_error` string COMMENT 'template rendering error message',
  `click_link` string COMMENT 'clicked URL',
  `user_agent` string COMMENT 'user agent of an open or click',
  `ip_address` string COMMENT 'IP address of an open or click',
  `smtp_response` string COMMENT 'SMTP response of a delivery',
  `reporting_mta` string COMMENT 'reporting MTA of a delivery, bounce or delay',
  `configuration_set` string COMMENT 'SES configuration set (ses:configuration-set tag)',
  `tags` map<string,array<string>> COMMENT 'mail tags, as SES sends them',
  `subject` string COMMENT 'Subject header',
  `sending_account_id` string COMMENT 'AWS account that sent the mail',
  `source_ip` string COMMENT 'IP address that called SES',
  `sns_message_id` string COMMENT 'SNS MessageId of the captured message; null for raw SQS delivery',
  `sns_topic_arn` string COMMENT 'SNS topic of the captured message',
  `capture_date` date COMMENT 'UTC date the raw line was captured (raw layout dt)'
)
PARTITIONED BY (event_date, capture_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/events'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
