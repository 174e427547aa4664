-- Top source domains: which domains sent you the most mail over the 30 days ending on a date
-- (distinct messages received per envelope sender domain).
-- Parameters: 1. last day of the month, e.g. DATE '2026-11-22'.
WITH params AS (SELECT ? AS report_date)
SELECT r.source_domain, count(DISTINCT r.message_id) AS messages
FROM received r
CROSS JOIN params p
WHERE r.receipt_date > p.report_date - INTERVAL '30' DAY
  AND r.receipt_date <= p.report_date
GROUP BY r.source_domain
ORDER BY messages DESC, r.source_domain
LIMIT 20;
