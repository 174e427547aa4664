package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** What a daily stats table groups sending events by. */
public enum StatDimension {
    SENDER(Table.SENDER_DAILY_STATS, "source_address", col("source_address")),
    SENDER_DOMAIN(Table.DOMAIN_DAILY_STATS, "source_domain", col("source_domain")),
    CONFIGURATION_SET(Table.CONFIGURATION_SET_DAILY_STATS, "configuration_set", col("configuration_set")),
    MAILBOX_PROVIDER(Table.MAILBOX_PROVIDER_DAILY_STATS, "mailbox_provider", MailboxProviders.of(col("recipient_domain")));

    private final Table table;
    private final String keyColumn;
    private final Column key;

    StatDimension(Table table, String keyColumn, Column key) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.key = key;
    }

    public Table table() {
        return table;
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** The grouping key; events without one (say, no configuration set) are grouped under "". */
    public Column key() {
        return coalesce(key, lit("")).as(keyColumn);
    }
}
