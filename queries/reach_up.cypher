// Every document $key reaches over CITES edges whose relation is in $relations (and whose
// scope is $scope unless null): what it implements, up to the root; with the shortest
// distance and each reached document's own qualifying outgoing edges.
MATCH (s:Document {key: $key})
CALL (s) {
  MATCH p = SHORTEST 1 (s)-[r:CITES WHERE r.relation IN $relations
                           AND ($scope IS NULL OR r.scope = $scope)]->+(x:Document)
  WHERE x <> s AND ($max_depth IS NULL OR length(p) <= $max_depth)
  RETURN x, length(p) AS depth
  UNION
  RETURN s AS x, 0 AS depth
}
OPTIONAL MATCH (x)-[e:CITES]->(y:Document)
WHERE e.relation IN $relations AND ($scope IS NULL OR e.scope = $scope)
RETURN properties(x) AS node, depth,
       collect(CASE WHEN y IS NULL THEN null ELSE {to: y.key, props: properties(e)} END) AS edges
