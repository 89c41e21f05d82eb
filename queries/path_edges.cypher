// Every edge from u to v for each [u, v] of $pairs: the hops of a chosen chain.
UNWIND $pairs AS pair
MATCH (u:Document {key: pair[0]})-[r:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]->(v:Document {key: pair[1]})
RETURN u.key AS u, v.key AS v, properties(r) AS props
