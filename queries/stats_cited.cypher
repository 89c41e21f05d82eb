// Documents by number of distinct citing documents (ties broken by key, in the caller too);
// with $unresolved_only, only references whose year or jurisdiction is unknown.
// Every edge, whatever its relation: one relationship type per relation (graph/neo4j_types.py).
MATCH (c:Document)-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]->(d:Document)
WHERE NOT $unresolved_only OR d.unresolved
WITH d.key AS key, count(DISTINCT c) AS count
RETURN key, count
ORDER BY count DESC, key
LIMIT $top
