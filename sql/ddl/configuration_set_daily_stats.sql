-- Daily sending stats, bounce and complaint rates per configuration set.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`configuration_set_daily_stats` (
  `configuration_set` string COMMENT 'SES configuration set; empty for mail sent without one',
  `sends` bigint COMMENT 'send events, one per recipient',
  `messages` bigint COMMENT 'distinct messages sent',
  `deliveries` bigint COMMENT 'delivery events',
  `rejects` bigint COMMENT 'reject events',
  `bounces` bigint COMMENT 'bounce events of every type',
  `permanent_bounces` bigint COMMENT 'Permanent (hard) bounces',
  `transient_bounces` bigint COMMENT 'Transient (soft) bounces',
  `undetermined_bounces` bigint COMMENT 'Undetermined bounces',
  `complaints` bigint COMMENT 'complaint events',
  `delivery_delays` bigint COMMENT 'delivery delay events',
  `opens` bigint COMMENT 'open events',
  `unique_opens` bigint COMMENT 'distinct messages and recipients opened',
  `clicks` bigint COMMENT 'click events',
  `unique_clicks` bigint COMMENT 'distinct messages and recipients clicked',
  `rendering_failures` bigint COMMENT 'rendering failure events',
  `rate_basis` bigint COMMENT 'denominator of the rates: sends, or deliveries + bounces when no send events were captured',
  `bounce_rate` double COMMENT 'permanent_bounces / rate_basis',
  `complaint_rate` double COMMENT 'complaints / rate_basis',
  `bounce_status` string COMMENT 'OK, WARNING (>= 5%), AT_RISK (>= 10%) or LOW_VOLUME',
  `complaint_status` string COMMENT 'OK, WARNING (>= 0.1%), AT_RISK (>= 0.5%) or LOW_VOLUME',
  `window_days` int COMMENT 'length of the rolling window ending at stat_date',
  `window_rate_basis` bigint COMMENT 'rate_basis over the window',
  `window_permanent_bounces` bigint COMMENT 'permanent bounces over the window',
  `window_complaints` bigint COMMENT 'complaints over the window',
  `window_bounce_rate` double COMMENT 'window_permanent_bounces / window_rate_basis',
  `window_complaint_rate` double COMMENT 'window_complaints / window_rate_basis',
  `window_bounce_status` string COMMENT 'status of window_bounce_rate',
  `window_complaint_status` string COMMENT 'status of window_complaint_rate',
  `stat_date` date COMMENT 'UTC event date the row counts'
)
PARTITIONED BY (stat_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/configuration_set_daily_stats'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
