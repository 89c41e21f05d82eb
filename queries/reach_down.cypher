// Every document with a path to $key over CITES edges whose relation is in $relations
// (and whose scope is $scope unless null), the origin included, each with its own
// qualifying outgoing edges. Distances, the next hop and the evidence are computed by the
// caller from these edges (queries/traverse.py), the same way as on networkx.
// `RETURN DISTINCT x` over a variable-length pattern is planned as a pruning
// breadth-first expansion: each document is visited once, however many paths reach it.
MATCH (t:Document {key: $key})
CALL (t) {
  MATCH (x:Document)-[rs:CITES*1..]->(t)
  WHERE all(r IN rs WHERE r.relation IN $relations AND ($scope IS NULL OR r.scope = $scope))
  RETURN DISTINCT x
  UNION
  RETURN t AS x
}
// The edges are expanded from x and filtered afterwards: with the predicate inside the
// pattern the planner seeks the relation index once per x (thousands of times slower).
RETURN x {.*} AS node,
       [e IN [(x)-[r:CITES]->(:Document) | r]
        WHERE e.relation IN $relations AND ($scope IS NULL OR e.scope = $scope)
        | {to: endNode(e).key, props: e {.relation, .scope, .kind, .start, .id, .quote}}] AS edges
