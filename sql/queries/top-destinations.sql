-- Top destination addresses: which of your addresses received the most mail over the 30 days ending
-- on a date (distinct messages per destination; a message to three of them counts for each).
-- Parameters: 1. last day of the month, e.g. DATE '2026-11-22'.
WITH params AS (SELECT ? AS report_date)
SELECT d.destination, count(DISTINCT d.message_id) AS messages
FROM received_destinations d
CROSS JOIN params p
WHERE d.receipt_date > p.report_date - INTERVAL '30' DAY
  AND d.receipt_date <= p.report_date
GROUP BY d.destination
ORDER BY messages DESC, d.destination
LIMIT 20;
