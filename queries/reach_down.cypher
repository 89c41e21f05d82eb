// Every document with a path to $key over edges whose relation is one of the traversal's
// relations (and whose scope is $scope unless null), the origin included, as compact
// rows: its key, the fields a result row shows (no quotes) and `next`, the keys of the
// documents citing it over a qualifying edge (all of them reachable too). The caller runs
// the breadth-first search over `next` (depths, smallest-key parents: queries/traverse.py,
// the same code as on networkx) and then fetches evidence for just the rows it keeps
// (reach_evidence.cypher).
// The relations are relationship types (one per relation, graph/neo4j_types.py), so each
// expansion reads only qualifying edges. IMPLEMENTS|CONTINUES|BASED_ON is the default
// set; for another set queries/lineage.py replaces it with the types of the whitelisted
// relations asked for (constants; no user text reaches the query string).
// `RETURN DISTINCT x` over a variable-length pattern is planned as a pruning
// breadth-first expansion: each document is visited once, however many paths reach it.
MATCH (t:Document {key: $key})
CALL (t) {
  MATCH (x:Document)-[rs:IMPLEMENTS|CONTINUES|BASED_ON*1..]->(t)
  WHERE all(r IN rs WHERE $scope IS NULL OR r.scope = $scope)
  RETURN DISTINCT x
  UNION
  RETURN t AS x
}
// The origin's own edges come whole (rank fields and quote): they are the evidence of
// every row at depth 1, so most rows need no second query.
WITH t, x, [(x)<-[e:IMPLEMENTS|CONTINUES|BASED_ON]-(:Document)
            WHERE $scope IS NULL OR e.scope = $scope | e] AS edges
// One record of [key, number, kind, issuer, province, level, date, title, sources[0..1],
// next keys, origin's edges or null]: per-record driver overhead is most of the transfer.
RETURN collect([x.key, x.number, x.kind, x.issuer, x.province, x.level, x.date, x.title,
                x.sources[0..1], [e IN edges | startNode(e).key],
                CASE WHEN x = t THEN [e IN edges | [startNode(e).key, e.kind, e.scope, e.relation,
                                                     e.start, e.id, e.quote]] END]) AS rows
