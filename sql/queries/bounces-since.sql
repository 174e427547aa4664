-- Bounces since a date: one row per bounced recipient, oldest first: the address that bounced, the
-- sender, when, and what the receiving server said. In Athena the result is a CSV file in the query
-- result location; `bin/ses-analytics sql --file` prints the same CSV.
-- Parameters: 1. first day, e.g. DATE '2026-11-20'.
SELECT e.recipient AS address, e.source_address AS sender, e.event_time AS bounced_at,
       e.bounce_type, e.bounce_subtype, e.diagnostic_code
FROM events e
WHERE e.event_type = 'bounce'
  AND e.event_date >= ?
ORDER BY e.event_time, e.recipient;
