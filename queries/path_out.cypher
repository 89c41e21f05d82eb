// The documents each of $keys cites (its out-neighbours over every relation), for the
// breadth-first search of queries/path.py. One relationship type per relation
// (graph/neo4j_types.py); the key index finds each document.
UNWIND $keys AS k
MATCH (n:Document {key: k})-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]->(m)
RETURN k AS key, collect(DISTINCT m.key) AS next
