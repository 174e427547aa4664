-- The current suppression list: every address suppressed after the latest night, with why and since
-- when. The same rows as the night's exports/suppression/.../suppression.csv.
-- Parameters: none.
SELECT s.address, s.reason, s.suppression_trigger, s.suppressed_on, s.expires_on,
       s.permanent_bounces, s.transient_bounces, s.complaints, s.last_diagnostic_code
FROM suppression s
WHERE s.state_date = (SELECT max(state_date) FROM suppression)
  AND s.status = 'SUPPRESSED'
ORDER BY s.address;
