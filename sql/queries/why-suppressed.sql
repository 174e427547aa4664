-- Why is this address suppressed? Every change of its suppression state, oldest first: when it was
-- added, renewed or released, for which reason, and what happened (e.g. the bounce's diagnostic code).
-- Parameters: 1. the address, e.g. 'user@example.com' (compared lower-cased).
SELECT h.change_date, h.change, h.reason, h.suppression_trigger, h.detail
FROM suppression_history h
WHERE h.address = lower(?)
ORDER BY h.change_date, h.change;
