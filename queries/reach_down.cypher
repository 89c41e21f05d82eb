// Every document with a path to $key over edges whose relation is one of the traversal's
// relations (and whose scope is $scope unless null), the origin included, as compact
// rows: its key, its node id, the fields a result row shows (no quotes) and its
// qualifying in-edges as [citing node id, relationship id] (every citing node is
// reachable too, so its id is among the rows'). The caller runs the breadth-first search
// (depths, smallest-key parents: queries/traverse.py, the same code as on networkx) and
// then fetches the evidence of just the rows it keeps by relationship id
// (reach_evidence.cypher), in the same read transaction, so the ids stay valid.
// The relations are relationship types (one per relation, graph/neo4j_types.py), so each
// expansion reads only qualifying edges. IMPLEMENTS|CONTINUES|BASED_ON is the default
// set; for another set queries/lineage_neo4j.py replaces it with the types of the
// whitelisted relations asked for (constants; no user text reaches the query string).
// `RETURN DISTINCT x` over a variable-length pattern is planned as a pruning
// breadth-first expansion: each document is visited once, however many paths reach it.
// No label on x or the neighbours: every node is a :Document, and a label test is a
// store read per node.
MATCH (t:Document {key: $key})
CALL (t) {
  MATCH (x)-[rs:IMPLEMENTS|CONTINUES|BASED_ON*1..]->(t)
  WHERE all(r IN rs WHERE $scope IS NULL OR r.scope = $scope)
  RETURN DISTINCT x
  UNION
  RETURN t AS x
}
// One record of [key, node id, number, kind, issuer, province, level, date, title,
// sources[0..1], [[citing node id, relationship id], ...]]: per-record driver overhead
// is most of the transfer, and integer ids decode faster than keys (id() is deprecated
// for use across transactions, which is not done here; elementId() strings are ~40 bytes).
RETURN collect([x.key, id(x), x.number, x.kind, x.issuer, x.province, x.level, x.date,
                x.title, x.sources[0..1],
                [(x)<-[e:IMPLEMENTS|CONTINUES|BASED_ON]-(y)
                 WHERE $scope IS NULL OR e.scope = $scope | [id(y), id(e)]]]) AS rows
