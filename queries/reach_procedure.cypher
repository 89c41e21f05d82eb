// The breadth-first search of implementers/lineage run inside the server by lexgraph's
// read-only procedure (scripts/neo4j-launcher/src/main/java/lexgraph/ReachProcedure.java;
// `scripts/neo4j plugin` prints its jar). Used only when the server has it
// (queries/lineage_neo4j.py); otherwise reach_down/up.cypher and the search in Python.
// $types are relationship types from the fixed whitelist (graph/neo4j_types.py), passed
// as a parameter like everything else.
CALL lexgraph.reach($key, $direction, $types, $relations, $scope, $max_depth)
YIELD keys, depths, parents, fields, evidence
RETURN keys, depths, parents, fields, evidence
