-- Suppression-list state of every bounced or complained address, one snapshot per night.
-- Generated from jobs/src/main/java/io/sesanalytics/jobs/common/Schemas.java by `bin/ses-analytics ddl`;
-- the nightly jobs with --catalog glue create the same Iceberg table in the Glue database.
CREATE TABLE `ses_analytics`.`suppression` (
  `address` string COMMENT 'recipient address, lower-cased',
  `status` string COMMENT 'SUPPRESSED, WATCHING (transient bounces below the threshold) or RELEASED',
  `reason` string COMMENT 'BOUNCE or COMPLAINT, as SES names suppression reasons; null while WATCHING',
  `suppression_trigger` string COMMENT 'COMPLAINT, PERMANENT_BOUNCE or TRANSIENT_BOUNCES',
  `first_seen` timestamp COMMENT 'first bounce, complaint or delivery recorded for the address',
  `last_seen` timestamp COMMENT 'last bounce, complaint or delivery recorded for the address',
  `permanent_bounces` bigint COMMENT 'permanent bounces recorded',
  `transient_bounces` bigint COMMENT 'transient bounces recorded',
  `complaints` bigint COMMENT 'complaints recorded',
  `deliveries_after_suppression` bigint COMMENT 'deliveries to the address while it was suppressed',
  `recent_transient_bounces` array<timestamp> COMMENT 'transient bounces inside the transient window, oldest first',
  `last_diagnostic_code` string COMMENT 'diagnostic code of the last bounce',
  `last_diagnostic_at` timestamp COMMENT 'time of the last bounce with a diagnostic code',
  `sending_domains` array<string> COMMENT 'sender domains whose mail bounced or was complained about',
  `suppressed_on` date COMMENT 'run date the current suppression started',
  `expires_on` date COMMENT 'run date a transient-bounce suppression is released unless renewed',
  `released_on` date COMMENT 'run date the address was released',
  `state_date` date COMMENT 'run date of the night this state follows'
)
PARTITIONED BY (state_date)
LOCATION 's3://${DATA_BUCKET}/warehouse/ses_analytics.db/suppression'
TBLPROPERTIES ('table_type'='ICEBERG', 'format'='parquet', 'write_compression'='snappy');
