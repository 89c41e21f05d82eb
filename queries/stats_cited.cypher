// Documents by number of distinct citing documents (ties broken by key, in the caller too);
// with $unresolved_only, only references whose year or jurisdiction is unknown.
MATCH (d:Document)
WHERE NOT $unresolved_only OR d.unresolved
WITH d, COUNT { (c:Document)-[:CITES]->(d) RETURN DISTINCT c } AS count
WHERE count > 0
RETURN d.key AS key, count
ORDER BY count DESC, key
LIMIT $top
