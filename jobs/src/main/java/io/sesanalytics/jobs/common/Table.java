package io.sesanalytics.jobs.common;

import org.apache.spark.sql.types.StructType;

import java.util.List;

/** The output tables: name, columns and partition keys. Partition keys are the last columns. */
public enum Table {
    EVENTS("events", "SES sending events, one row per event per recipient",
            Schemas.withCaptureDate(Schemas.EVENT), List.of("event_date", "capture_date"),
            List.of()),
    RECEIVED("received", "Mail received by SES, one row per message",
            Schemas.withCaptureDate(Schemas.RECEIVED), List.of("receipt_date", "capture_date"),
            List.of("message_id", "receipt_time", "sns_message_id")),
    RECEIVED_DESTINATIONS("received_destinations", "Mail received by SES, one row per destination address",
            Schemas.withCaptureDate(Schemas.RECEIVED_DESTINATION),
            List.of("receipt_date", "capture_date"), List.of("message_id", "receipt_time", "destination")),
    QUARANTINE("quarantine", "Raw capture lines that could not be normalized, with the reason",
            Schemas.withCaptureDate(Schemas.QUARANTINE), List.of("capture_date"),
            List.of("source_file", "raw_line")),
    SENDER_DAILY_STATS("sender_daily_stats", "Daily sending stats, bounce and complaint rates per sender address",
            Schemas.dailyStats("source_address", "sender address"),
            List.of("stat_date"), List.of("source_address")),
    DOMAIN_DAILY_STATS("domain_daily_stats", "Daily sending stats, bounce and complaint rates per sender domain",
            Schemas.dailyStats("source_domain", "sender domain"),
            List.of("stat_date"), List.of("source_domain")),
    CONFIGURATION_SET_DAILY_STATS("configuration_set_daily_stats", "Daily sending stats, bounce and complaint rates per configuration set",
            Schemas.dailyStats("configuration_set", "SES configuration set; empty for mail sent without one"),
            List.of("stat_date"), List.of("configuration_set")),
    MAILBOX_PROVIDER_DAILY_STATS("mailbox_provider_daily_stats", "Daily sending stats, bounce and complaint rates per recipient mailbox provider",
            Schemas.dailyStats("mailbox_provider", "recipient mailbox provider (gmail, microsoft, yahoo, ...) or the recipient domain"),
            List.of("stat_date"), List.of("mailbox_provider")),
    TOP_SENDERS("top_senders", "Top sender addresses by distinct messages over 1, 7 and 30 days",
            Schemas.topN("source_address", "sender address"),
            List.of("report_date"), List.of("direction", "window_days", "rank")),
    TOP_SENDER_DOMAINS("top_sender_domains", "Top sender domains by distinct messages over 1, 7 and 30 days",
            Schemas.topN("source_domain", "sender domain"),
            List.of("report_date"), List.of("direction", "window_days", "rank")),
    TOP_DESTINATIONS("top_destinations", "Top destination addresses by distinct messages over 1, 7 and 30 days",
            Schemas.topN("destination", "recipient (sent) or destination (received) address"),
            List.of("report_date"), List.of("direction", "window_days", "rank")),
    SUPPRESSION("suppression", "Suppression-list state of every bounced or complained address, one snapshot per night",
            Schemas.SUPPRESSION, List.of("state_date"), List.of("address")),
    SUPPRESSION_HISTORY("suppression_history", "Suppression-list changes: added, renewed, released, and why",
            Schemas.SUPPRESSION_CHANGE, List.of("change_date"),
            List.of("address", "change")),
    RECORD_KEYS("record_keys", "Identity of every event and received line of a capture date, for recognising copies captured later",
            Schemas.RECORD_KEY, List.of("capture_date"), List.of());

    private final String tableName;
    private final String description;
    private final StructType schema;
    private final List<String> partitionColumns;
    private final List<String> sortColumns;

    Table(String tableName, String description, StructType schema, List<String> partitionColumns,
          List<String> sortColumns) {
        this.tableName = tableName;
        this.description = description;
        this.schema = schema;
        this.partitionColumns = partitionColumns;
        this.sortColumns = sortColumns;
    }

    /**
     * Columns that order rows within a file, so that a re-run writes the same files. Events have none: they
     * keep the order of the raw lines they came from, which is already the same in every run, and in that
     * order a mail's rows lie together and compress better than in any order by a hashed id.
     */
    public List<String> sortColumns() {
        return sortColumns;
    }

    public String tableName() {
        return tableName;
    }

    /** What a row is, for the catalog's table description. */
    public String description() {
        return description;
    }

    /** Every column, in written order: data columns first, then the partition columns. */
    public StructType schema() {
        return schema;
    }

    public List<String> partitionColumns() {
        return partitionColumns;
    }

    /** The partition columns with their types. */
    public StructType partitionSchema() {
        return new StructType(partitionColumns.stream().map(schema::apply).toArray(org.apache.spark.sql.types.StructField[]::new));
    }
}
