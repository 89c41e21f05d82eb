// The qualifying edges (relation one of the traversal's relations, scope $scope unless
// null) of each [citing key, cited key] pair in $pairs, with what ranks them and their
// quote: the caller picks one evidence edge per pair (queries/traverse.py rank_key).
// Asked only for the rows a traversal keeps, so quotes of every other edge never leave
// the server. IMPLEMENTS|CONTINUES|BASED_ON is the default set of relationship types;
// queries/lineage.py replaces it for another set (whitelisted constants only).
UNWIND $pairs AS pair
// Both ends by their unique key, then the edges between them (Expand(Into) from the
// smaller side): a `d.key = pair[1]` test inside the pattern was planned as a scan of
// every document per pair.
MATCH (c:Document {key: pair[0]})
MATCH (d:Document {key: pair[1]})
// One record holding every pair's [citing, cited, edges]: fewer driver records, less time.
RETURN collect([pair[0], pair[1],
                [(c)-[e:IMPLEMENTS|CONTINUES|BASED_ON]->(d)
                 WHERE $scope IS NULL OR e.scope = $scope
                 | [e.kind, e.scope, e.relation, e.start, e.id, e.quote]]]) AS rows
