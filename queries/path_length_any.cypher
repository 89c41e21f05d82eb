// The length of a shortest chain from $a to $b (edges either way), or no row: Neo4j's
// bidirectional search, so queries/path.py knows how deep to search before it builds the
// chain whose key list sorts first.
MATCH (a:Document {key: $a}), (b:Document {key: $b})
MATCH p = shortestPath((a)-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES*]-(b))
RETURN length(p) AS hops
