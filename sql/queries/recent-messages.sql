-- Recent messages: the last 100 messages SES received in the week ending on a date, newest first,
-- with sender, destinations, subject and the spam, virus, SPF, DKIM and DMARC verdicts.
-- Parameters: 1. last day of the week, e.g. DATE '2026-11-22'.
WITH params AS (SELECT ? AS report_date)
SELECT r.receipt_time, r.message_id, r.source_address, r.from_header,
       array_join(r.destinations, ', ') AS destinations, r.subject,
       r.spam_verdict, r.virus_verdict, r.spf_verdict, r.dkim_verdict, r.dmarc_verdict
FROM received r
CROSS JOIN params p
WHERE r.receipt_date > p.report_date - INTERVAL '7' DAY
  AND r.receipt_date <= p.report_date
ORDER BY r.receipt_time DESC, r.message_id
LIMIT 100;
