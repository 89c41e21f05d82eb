// The documents that cite each of $keys (its in-neighbours over every relation), for the
// breadth-first search of queries/path.py.
UNWIND $keys AS k
MATCH (n:Document {key: k})<-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]-(m)
RETURN k AS key, collect(DISTINCT m.key) AS next
