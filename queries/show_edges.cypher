// Every edge from or to the document $key, with its evidence (show).
// Every edge, whatever its relation: one relationship type per relation (graph/neo4j_types.py).
MATCH (d:Document {key: $key})
CALL (d) {
  MATCH (d)-[r:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]->(o:Document)
  RETURN d.key AS citing, o.key AS cited, properties(r) AS props
  UNION ALL
  MATCH (o:Document)-[r:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]->(d)
  RETURN o.key AS citing, d.key AS cited, properties(r) AS props
}
RETURN citing, cited, props
