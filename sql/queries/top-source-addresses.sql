-- Top source addresses: who sent you the most mail over the 30 days ending on a date
-- (distinct messages received per envelope sender).
-- Parameters: 1. last day of the month, e.g. DATE '2026-11-22'.
WITH params AS (SELECT ? AS report_date)
SELECT r.source_address, count(DISTINCT r.message_id) AS messages
FROM received r
CROSS JOIN params p
WHERE r.receipt_date > p.report_date - INTERVAL '30' DAY
  AND r.receipt_date <= p.report_date
GROUP BY r.source_address
ORDER BY messages DESC, r.source_address
LIMIT 20;
