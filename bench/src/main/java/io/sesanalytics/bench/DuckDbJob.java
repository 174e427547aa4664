package io.sesanalytics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The same night's core job in DuckDB, as a single-machine user might write it: read the gzip NDJSON
 * of a capture date, unwrap the SNS envelope, drop copies of an SNS message and of an SES event (the
 * pipeline's event identity), and write per day and sender domain the sends, hard bounces, complaints
 * and bounce rate as Parquet.
 *
 * <p>Usage: {@code DuckDbJob RAW_FOLDER THREADS OUT.parquet}; prints one JSON line.
 */
public final class DuckDbJob {
    static final String SQL = """
            COPY (
              WITH lines AS (
                SELECT json AS line,
                       json_extract_string(json, '$.MessageId') AS sns_id,
                       json_extract_string(json, '$.Message') AS message
                FROM read_ndjson_objects('%s/*.ndjson.gz', ignore_errors = true)
              ),
              sns AS (
                SELECT * FROM lines
                QUALIFY sns_id IS NULL OR row_number() OVER (PARTITION BY sns_id ORDER BY message) = 1
              ),
              ses AS (
                SELECT CASE WHEN message IS NULL THEN line
                            WHEN json_valid(message) THEN CAST(message AS JSON) END AS j
                FROM sns
              ),
              typed AS (
                SELECT coalesce(j ->> '$.eventType', j ->> '$.notificationType') AS type,
                       j ->> '$.mail.messageId' AS message_id,
                       j ->> '$.mail.source' AS source,
                       j ->> '$.bounce.bounceType' AS bounce_type,
                       CASE coalesce(j ->> '$.eventType', j ->> '$.notificationType')
                         WHEN 'Send' THEN j ->> '$.mail.timestamp'
                         WHEN 'Bounce' THEN j ->> '$.bounce.timestamp'
                         WHEN 'Complaint' THEN j ->> '$.complaint.timestamp' END AS event_time,
                       CASE coalesce(j ->> '$.eventType', j ->> '$.notificationType')
                         WHEN 'Send' THEN CAST(j -> '$.mail.destination' AS VARCHAR[])
                         WHEN 'Bounce' THEN CAST(j -> '$.bounce.bouncedRecipients[*].emailAddress' AS VARCHAR[])
                         WHEN 'Complaint' THEN CAST(j -> '$.complaint.complainedRecipients[*].emailAddress' AS VARCHAR[])
                       END AS recipients
                FROM ses
                WHERE j IS NOT NULL
                  AND coalesce(j ->> '$.eventType', j ->> '$.notificationType') IN ('Send', 'Bounce', 'Complaint')
              ),
              events AS (
                SELECT * FROM typed
                WHERE message_id IS NOT NULL AND event_time IS NOT NULL
                QUALIFY row_number() OVER (
                  PARTITION BY type, message_id, event_time, array_to_string(list_sort(list_distinct(
                    list_transform(recipients, r -> lower(r)))), ',')) = 1
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
            ) TO '%s' (FORMAT PARQUET)
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
            statement.execute(String.format(SQL, folder.toAbsolutePath(), out.toAbsolutePath()));
            double seconds = (System.nanoTime() - start) / 1e9;
            try (ResultSet rows = statement.executeQuery("SELECT count(*), sum(sends) FROM read_parquet('" + out + "')")) {
                rows.next();
                System.out.printf("{\"rows\": %d, \"sends\": %d, \"seconds\": %.3f}%n", rows.getLong(1), rows.getLong(2), seconds);
            }
        }
    }
}
