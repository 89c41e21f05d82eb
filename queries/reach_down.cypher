// Every document with a path to $key over CITES edges whose relation is in $relations
// (and whose scope is $scope unless null): its shortest distance, and its own qualifying
// outgoing edges (the caller picks the next hop and the evidence from them).
// The origin itself comes back with depth 0 so the caller sees its edges too.
MATCH (t:Document {key: $key})
CALL (t) {
  MATCH p = SHORTEST 1 (x:Document)-[r:CITES WHERE r.relation IN $relations
                                       AND ($scope IS NULL OR r.scope = $scope)]->+(t)
  WHERE x <> t AND ($max_depth IS NULL OR length(p) <= $max_depth)
  RETURN x, length(p) AS depth
  UNION
  RETURN t AS x, 0 AS depth
}
OPTIONAL MATCH (x)-[e:CITES]->(y:Document)
WHERE e.relation IN $relations AND ($scope IS NULL OR e.scope = $scope)
RETURN properties(x) AS node, depth,
       collect(CASE WHEN y IS NULL THEN null ELSE {to: y.key, props: properties(e)} END) AS edges
