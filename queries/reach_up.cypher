// Every document $key reaches over edges whose relation is one of the traversal's
// relations (and whose scope is $scope unless null) — what it implements, up to the
// root — the origin included, as compact rows: its key, the fields a result row shows
// (no quotes) and `next`, the keys of the documents it cites over a qualifying edge (all
// reachable too). The caller runs the breadth-first search over `next`
// (queries/traverse.py, as on networkx) and fetches evidence for just the rows it keeps
// (reach_evidence.cypher).
// The relations are relationship types (one per relation, graph/neo4j_types.py), so each
// expansion reads only qualifying edges. IMPLEMENTS|CONTINUES|BASED_ON is the default
// set; for another set queries/lineage.py replaces it with the types of the whitelisted
// relations asked for (constants; no user text reaches the query string).
MATCH (s:Document {key: $key})
CALL (s) {
  MATCH (s)-[rs:IMPLEMENTS|CONTINUES|BASED_ON*1..]->(x:Document)
  WHERE all(r IN rs WHERE $scope IS NULL OR r.scope = $scope)
  RETURN DISTINCT x
  UNION
  RETURN s AS x
}
// The origin's own edges come whole (rank fields and quote): they are the evidence of
// every row at depth 1, so most rows need no second query.
WITH s, x, [(x)-[e:IMPLEMENTS|CONTINUES|BASED_ON]->(:Document)
            WHERE $scope IS NULL OR e.scope = $scope | e] AS edges
// One record of [key, number, kind, issuer, province, level, date, title, sources[0..1],
// next keys, origin's edges or null]: per-record driver overhead is most of the transfer.
RETURN collect([x.key, x.number, x.kind, x.issuer, x.province, x.level, x.date, x.title,
                x.sources[0..1], [e IN edges | endNode(e).key],
                CASE WHEN x = s THEN [e IN edges | [endNode(e).key, e.kind, e.scope, e.relation,
                                                     e.start, e.id, e.quote]] END]) AS rows
