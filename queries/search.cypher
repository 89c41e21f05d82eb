// Documents whose title or issuer contains every word of the query, accents ignored:
// each of $patterns is a regex of accent classes built by queries/search.py.
MATCH (d:Document)
WHERE d.title IS NOT NULL OR d.issuer IS NOT NULL
WITH d, coalesce(d.title, '') + ' ' + coalesce(d.issuer, '') AS text
WHERE all(p IN $patterns WHERE text =~ p)
RETURN properties(d) AS node
