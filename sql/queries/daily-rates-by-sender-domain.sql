-- Daily bounce and complaint rate per sender domain over the 30 days ending on a date, against SES's
-- thresholds (bounce: WARNING at 5 %, AT_RISK at 10 %; complaint: 0.1 % and 0.5 %), for the day
-- and for the rolling window ending that day. LOW_VOLUME: too few messages to judge.
-- Parameters: 1. last day, e.g. DATE '2026-11-22'.
WITH params AS (SELECT ? AS report_date)
SELECT s.stat_date, s.source_domain, s.sends, s.permanent_bounces, s.complaints,
       round(s.bounce_rate * 100, 3) AS bounce_rate_pct, s.bounce_status,
       round(s.complaint_rate * 100, 3) AS complaint_rate_pct, s.complaint_status,
       s.window_days,
       round(s.window_bounce_rate * 100, 3) AS window_bounce_rate_pct, s.window_bounce_status,
       round(s.window_complaint_rate * 100, 3) AS window_complaint_rate_pct, s.window_complaint_status
FROM domain_daily_stats s
CROSS JOIN params p
WHERE s.stat_date > p.report_date - INTERVAL '30' DAY
  AND s.stat_date <= p.report_date
ORDER BY s.stat_date DESC, s.sends DESC, s.source_domain;
