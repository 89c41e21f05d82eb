// Ingested documents counted by one property ($field: kind, level, province or year).
MATCH (d:Document)
WHERE d.ingested
RETURN d[$field] AS value, count(*) AS count
