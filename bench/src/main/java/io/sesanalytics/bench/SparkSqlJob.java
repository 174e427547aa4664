package io.sesanalytics.bench;

import io.sesanalytics.jobs.common.SparkSessions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The DuckDB job's work ({@link DuckDbJob}) in Spark 3.5, written as well as Spark allows: its JSON reader given only
 * the columns needed, each SNS {@code Message} parsed once with {@code from_json} into a STRUCT of just the fields
 * used, copies dropped with {@code dropDuplicates} on the same identities, per day and sender domain the same sums,
 * one Parquet file. It measures what a fresh Spark process pays for the least of the night's work on this machine, so
 * that the nightly's whole process can be set against it as well as against DuckDB.
 *
 * <p>Usage: {@code SparkSqlJob RAW_FOLDER THREADS OUT_FOLDER}; prints one JSON line like {@link DuckDbJob}'s.
 */
public final class SparkSqlJob {
    private static final String MAIL = "STRUCT<timestamp: STRING, source: STRING, messageId: STRING, destination: ARRAY<STRING>>";
    private static final String BOUNCE = "STRUCT<bounceType: STRING, timestamp: STRING, bouncedRecipients: ARRAY<STRUCT<emailAddress: STRING>>>";
    private static final String COMPLAINT = "STRUCT<timestamp: STRING, complainedRecipients: ARRAY<STRUCT<emailAddress: STRING>>>";
    /** The SES fields used, as a bare SES line carries them at the top level. */
    private static final String SES_COLUMNS = "eventType STRING, notificationType STRING, mail " + MAIL + ", bounce " + BOUNCE
            + ", complaint " + COMPLAINT;
    private static final String EVENT = "STRUCT<eventType: STRING, notificationType: STRING, mail: " + MAIL + ", bounce: "
            + BOUNCE + ", complaint: " + COMPLAINT + ">";

    static final String PARSED = """
            SELECT coalesce(MessageId, concat('line ', monotonically_increasing_id())) AS sns_key,
                   CASE WHEN Message IS NULL
                        THEN named_struct('eventType', eventType, 'notificationType', notificationType, 'mail', mail,
                                          'bounce', bounce, 'complaint', complaint)
                        ELSE from_json(Message, '%1$s') END AS e
            FROM raw
            """;

    static final String EVENTS = """
            WITH typed AS (
              SELECT coalesce(e.eventType, e.notificationType) AS type,
                     e.mail.messageId AS message_id,
                     e.mail.source AS source,
                     e.bounce.bounceType AS bounce_type,
                     CASE coalesce(e.eventType, e.notificationType)
                       WHEN 'Send' THEN e.mail.timestamp
                       WHEN 'Bounce' THEN e.bounce.timestamp
                       WHEN 'Complaint' THEN e.complaint.timestamp END AS event_time,
                     CASE coalesce(e.eventType, e.notificationType)
                       WHEN 'Send' THEN e.mail.destination
                       WHEN 'Bounce' THEN transform(e.bounce.bouncedRecipients, r -> r.emailAddress)
                       WHEN 'Complaint' THEN transform(e.complaint.complainedRecipients, r -> r.emailAddress)
                     END AS recipients
              FROM lines
              WHERE coalesce(e.eventType, e.notificationType) IN ('Send', 'Bounce', 'Complaint')
            )
            SELECT type, message_id, source, bounce_type, event_time, recipients,
                   concat_ws(',', array_sort(array_distinct(transform(recipients, r -> lower(r))))) AS recipient_key
            FROM typed
            WHERE message_id IS NOT NULL AND event_time IS NOT NULL
            """;

    static final String DAILY = """
            SELECT *, permanent_bounces / nullif(sends, 0) AS bounce_rate
            FROM (
              SELECT CAST(substr(event_time, 1, 10) AS DATE) AS stat_date,
                     lower(regexp_extract(source, '@([^@<>\\\\s]+)>?\\\\s*$', 1)) AS source_domain,
                     sum(CASE WHEN type = 'Send' THEN size(recipients) ELSE 0 END) AS sends,
                     sum(CASE WHEN type = 'Bounce' AND bounce_type = 'Permanent' THEN size(recipients) ELSE 0 END) AS permanent_bounces,
                     sum(CASE WHEN type = 'Complaint' THEN size(recipients) ELSE 0 END) AS complaints
              FROM events
              GROUP BY 1, 2
            )
            ORDER BY stat_date, source_domain
            """;

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).toAbsolutePath();
        int threads = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]).toAbsolutePath();
        long start = System.nanoTime();
        // Gzip objects cannot be split: Spark packs whole objects into a task up to this size, so that each core
        // gets a few tasks of the day rather than a few oversized ones.
        long bytes;
        try (Stream<Path> objects = Files.list(folder)) {
            bytes = objects.mapToLong(path -> path.toFile().length()).sum();
        }
        SparkSession spark = SparkSessions.withJobDefaults(SparkSession.builder().appName("spark-sql-job"))
                .master("local[" + threads + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(4 * threads))
                .config("spark.sql.files.maxPartitionBytes", String.valueOf(Math.max(1L << 20, bytes / (4L * threads))))
                .config("spark.sql.legacy.sizeOfNull", "false")
                .getOrCreate();
        spark.read()
                .schema("MessageId STRING, Message STRING, " + SES_COLUMNS)
                .option("pathGlobFilter", "*.ndjson.gz")
                .json(folder.toString())
                .createOrReplaceTempView("raw");
        // Each Message is parsed where it is read, so that only the fields used are shuffled to drop the copies of
        // an SNS message; a line without an SNS MessageId (raw delivery) is a key of its own.
        spark.sql(String.format(PARSED, EVENT))
                .dropDuplicates("sns_key")
                .createOrReplaceTempView("lines");
        spark.sql(EVENTS)
                .dropDuplicates("type", "message_id", "event_time", "recipient_key")
                .createOrReplaceTempView("events");
        spark.sql(DAILY)
                .coalesce(1)
                .write().mode("overwrite").parquet(out.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        Row totals = spark.read().parquet(out.toString()).selectExpr("count(*)", "sum(sends)").first();
        System.out.printf("{\"rows\": %d, \"sends\": %d, \"seconds\": %.3f}%n", totals.getLong(0), totals.getLong(1), seconds);
        spark.stop();
    }
}
