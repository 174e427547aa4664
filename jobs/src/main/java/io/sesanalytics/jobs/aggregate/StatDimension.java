package io.sesanalytics.jobs.aggregate;

import io.sesanalytics.jobs.common.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

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

    /**
     * Every row once per dimension, with columns {@code dimension} (the constant's name) and {@code key}
     * added: the stats of all dimensions then come from one query rather than one per dimension. Rows
     * without a key (say, no configuration set) are grouped under "".
     */
    public static Dataset<Row> keyed(Dataset<Row> rows) {
        Column[] keys = Arrays.stream(values())
                .map(d -> struct(lit(d.name()).as("dimension"), coalesce(d.key, lit("")).as("key")))
                .toArray(Column[]::new);
        return rows.withColumn("by", explode(array(keys)))
                .withColumn("dimension", col("by.dimension"))
                .withColumn("key", col("by.key"))
                .drop("by");
    }

    /** This dimension's rows of a {@link #keyed} result, with {@code key} under the dimension's column name. */
    public Dataset<Row> rowsOf(Dataset<Row> keyedRows) {
        return keyedRows.filter(col("dimension").equalTo(lit(name())))
                .drop("dimension")
                .withColumnRenamed("key", keyColumn);
    }
}
