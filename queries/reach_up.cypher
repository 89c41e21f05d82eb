// Every document $key reaches over CITES edges whose relation is in $relations (and whose
// scope is $scope unless null) — what it implements, up to the root — the origin
// included, each with its own qualifying outgoing edges (the caller computes distances,
// parents and evidence from them, as on networkx).
MATCH (s:Document {key: $key})
CALL (s) {
  MATCH (s)-[rs:CITES*1..]->(x:Document)
  WHERE all(r IN rs WHERE r.relation IN $relations AND ($scope IS NULL OR r.scope = $scope))
  RETURN DISTINCT x
  UNION
  RETURN s AS x
}
// The edges are expanded from x and filtered afterwards: with the predicate inside the
// pattern the planner seeks the relation index once per x (thousands of times slower).
RETURN x {.*} AS node,
       [e IN [(x)-[r:CITES]->(:Document) | r]
        WHERE e.relation IN $relations AND ($scope IS NULL OR e.scope = $scope)
        | {to: endNode(e).key, props: e {.relation, .scope, .kind, .start, .id, .quote}}] AS edges
