// The rank fields and quote of each relationship id in $ids: the qualifying edges of the
// (document, parent) pairs of the rows a traversal keeps, found by reach_down/up.cypher
// in the same read transaction (so the ids name the same edges). The caller picks one
// evidence edge per pair (queries/traverse.py rank_key). Asked only for kept rows, so
// quotes of every other edge never leave the server.
// A seek by relationship id reads the one record: no key index, no expansion (seeking
// both documents by key per pair cost ~5x more at 10,000 pairs).
UNWIND $ids AS i
MATCH ()-[e]->()
WHERE id(e) = i
// One record holding every edge's [id, kind, scope, relation, start, id property, quote].
RETURN collect([i, e.kind, e.scope, e.relation, e.start, e.id, e.quote]) AS rows
