// Every document $key reaches over edges whose relation is one of the traversal's
// relations (and whose scope is $scope unless null) — what it implements, up to the
// root — the origin included, as compact rows: its key, its node id, the fields a result
// row shows (no quotes) and its qualifying out-edges as [cited node id, relationship id]
// (every cited node is reachable too). The caller runs the breadth-first search
// (queries/traverse.py, as on networkx) and fetches the evidence of just the rows it
// keeps by relationship id (reach_evidence.cypher), in the same read transaction.
// The relations are relationship types (one per relation, graph/neo4j_types.py), so each
// expansion reads only qualifying edges. IMPLEMENTS|CONTINUES|BASED_ON is the default
// set; for another set queries/lineage_neo4j.py replaces it with the types of the
// whitelisted relations asked for (constants; no user text reaches the query string).
MATCH (s:Document {key: $key})
CALL (s) {
  MATCH (s)-[rs:IMPLEMENTS|CONTINUES|BASED_ON*1..]->(x)
  WHERE all(r IN rs WHERE $scope IS NULL OR r.scope = $scope)
  RETURN DISTINCT x
  UNION
  RETURN s AS x
}
// Same record shape as reach_down.cypher: [key, node id, number, kind, issuer, province,
// level, date, title, sources[0..1], [[cited node id, relationship id], ...]].
RETURN collect([x.key, id(x), x.number, x.kind, x.issuer, x.province, x.level, x.date,
                x.title, x.sources[0..1],
                [(x)-[e:IMPLEMENTS|CONTINUES|BASED_ON]->(y)
                 WHERE $scope IS NULL OR e.scope = $scope | [id(y), id(e)]]]) AS rows
