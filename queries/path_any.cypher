// All shortest chains between $a and $b (either direction), at most $max_hops edges,
// with every edge between consecutive documents (the caller picks one chain).
// Every edge, whatever its relation: one relationship type per relation (graph/neo4j_types.py).
MATCH (a:Document {key: $a}), (b:Document {key: $b})
MATCH p = ALL SHORTEST (a)-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]-+(b)
WHERE length(p) <= $max_hops
WITH p LIMIT 1000
WITH [n IN nodes(p) | n.key] AS keys
UNWIND range(0, size(keys) - 2) AS i
MATCH (u:Document {key: keys[i]})-[r:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]-(v:Document {key: keys[i + 1]})
RETURN keys, collect({u: startNode(r).key, v: endNode(r).key, props: properties(r)}) AS edges
