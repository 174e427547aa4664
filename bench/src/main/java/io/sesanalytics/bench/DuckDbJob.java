package io.sesanalytics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The same night's core job in DuckDB, written as well as DuckDB allows: read only the columns needed from the gzip
 * NDJSON of a capture date, parse each SNS {@code Message} once into a STRUCT of just the fields used, drop copies of
 * an SNS message and of an SES event (the pipeline's event identity) with {@code DISTINCT ON}, and write per day and
 * sender domain the sends, hard bounces, complaints and bounce rate with one {@code COPY} to Parquet.
 *
 * <p>Lines that are SES JSON without an SNS envelope (raw message delivery) carry the same fields at the top level,
 * so the reader declares those columns with the same STRUCT types and the two shapes meet in one STRUCT.
 *
 * <p>Usage: {@code DuckDbJob RAW_FOLDER THREADS OUT.parquet}; prints one JSON line.
 */
public final class DuckDbJob {
    /** The fields of an SES event or notification the job uses, as DuckDB types. */
    private static final String MAIL = "STRUCT(timestamp VARCHAR, source VARCHAR, messageId VARCHAR, destination VARCHAR[])";
    private static final String BOUNCE = "STRUCT(bounceType VARCHAR, timestamp VARCHAR, bouncedRecipients STRUCT(emailAddress VARCHAR)[])";
    private static final String COMPLAINT = "STRUCT(timestamp VARCHAR, complainedRecipients STRUCT(emailAddress VARCHAR)[])";
    private static final String EVENT = "STRUCT(eventType VARCHAR, notificationType VARCHAR, mail " + MAIL + ", bounce "
            + BOUNCE + ", complaint " + COMPLAINT + ")";
    /** {@link #EVENT} as the structure {@code from_json} takes. */
    private static final String EVENT_STRUCTURE = """
            {"eventType":"VARCHAR","notificationType":"VARCHAR",\
            "mail":{"timestamp":"VARCHAR","source":"VARCHAR","messageId":"VARCHAR","destination":["VARCHAR"]},\
            "bounce":{"bounceType":"VARCHAR","timestamp":"VARCHAR","bouncedRecipients":[{"emailAddress":"VARCHAR"}]},\
            "complaint":{"timestamp":"VARCHAR","complainedRecipients":[{"emailAddress":"VARCHAR"}]}}""";

    static final String SQL = """
            COPY (
              WITH lines AS (
                SELECT MessageId AS sns_id, Message AS message,
                       {'eventType': eventType, 'notificationType': notificationType, 'mail': mail, 'bounce': bounce,
                        'complaint': complaint}::%5$s AS bare
                FROM read_json('%1$s/*.ndjson.gz', format = 'newline_delimited', compression = 'gzip',
                               ignore_errors = true, columns = {MessageId: 'VARCHAR', Message: 'VARCHAR',
                               eventType: 'VARCHAR', notificationType: 'VARCHAR', mail: '%2$s', bounce: '%3$s',
                               complaint: '%4$s'})
              ),
              sns AS (
                SELECT DISTINCT ON (sns_id) sns_id, message, bare FROM lines WHERE sns_id IS NOT NULL
                UNION ALL
                SELECT sns_id, message, bare FROM lines WHERE sns_id IS NULL
              ),
              ses AS (
                SELECT CASE WHEN message IS NULL THEN bare ELSE TRY(from_json(message, '%6$s')) END AS e FROM sns
              ),
              typed AS (
                SELECT coalesce(e.eventType, e.notificationType) AS type,
                       e.mail.messageId AS message_id,
                       e.mail.source AS source,
                       e.bounce.bounceType AS bounce_type,
                       CASE type WHEN 'Send' THEN e.mail.timestamp
                                 WHEN 'Bounce' THEN e.bounce.timestamp
                                 WHEN 'Complaint' THEN e.complaint.timestamp END AS event_time,
                       CASE type WHEN 'Send' THEN e.mail.destination
                                 WHEN 'Bounce' THEN [r.emailAddress FOR r IN e.bounce.bouncedRecipients]
                                 WHEN 'Complaint' THEN [r.emailAddress FOR r IN e.complaint.complainedRecipients]
                       END AS recipients
                FROM ses
                WHERE type IN ('Send', 'Bounce', 'Complaint')
              ),
              events AS (
                SELECT DISTINCT ON (type, message_id, event_time, list_sort(list_distinct([lower(r) FOR r IN recipients])))
                       type, source, bounce_type, event_time, recipients
                FROM typed
                WHERE message_id IS NOT NULL AND event_time IS NOT NULL
              )
              SELECT CAST(substr(event_time, 1, 10) AS DATE) AS stat_date,
                     lower(regexp_extract(source, '@([^@<>\\s]+)>?\\s*$', 1)) AS source_domain,
                     sum(CASE WHEN type = 'Send' THEN len(recipients) ELSE 0 END) AS sends,
                     sum(CASE WHEN type = 'Bounce' AND bounce_type = 'Permanent' THEN len(recipients) ELSE 0 END) AS permanent_bounces,
                     sum(CASE WHEN type = 'Complaint' THEN len(recipients) ELSE 0 END) AS complaints,
                     permanent_bounces / nullif(sends, 0) AS bounce_rate
              FROM events
              GROUP BY ALL
              ORDER BY stat_date, source_domain
            ) TO '%7$s' (FORMAT PARQUET)
            """;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.deleteIfExists(out);
        long start = System.nanoTime();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute(String.format(SQL, folder.toAbsolutePath(), MAIL, BOUNCE, COMPLAINT, EVENT,
                    EVENT_STRUCTURE, out.toAbsolutePath()));
            double seconds = (System.nanoTime() - start) / 1e9;
            try (ResultSet rows = statement.executeQuery("SELECT count(*), sum(sends) FROM read_parquet('" + out + "')")) {
                rows.next();
                System.out.printf("{\"rows\": %d, \"sends\": %d, \"seconds\": %.3f}%n", rows.getLong(1), rows.getLong(2), seconds);
            }
        }
    }
}
