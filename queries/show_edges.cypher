// Every edge from or to the document $key, with its evidence (show).
MATCH (d:Document {key: $key})
CALL (d) {
  MATCH (d)-[r:CITES]->(o:Document)
  RETURN d.key AS citing, o.key AS cited, properties(r) AS props
  UNION ALL
  MATCH (o:Document)-[r:CITES]->(d)
  RETURN o.key AS citing, d.key AS cited, properties(r) AS props
}
RETURN citing, cited, props
