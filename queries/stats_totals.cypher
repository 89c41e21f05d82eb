// Totals for `lexgraph stats`.
// Every edge, whatever its relation: one relationship type per relation (graph/neo4j_types.py).
CALL () { MATCH (d:Document) RETURN count(d) AS documents,
          count(CASE WHEN d.ingested THEN 1 END) AS ingested,
          count(CASE WHEN d.unresolved THEN 1 END) AS unresolved }
CALL () { MATCH ()-[r:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|CONSOLIDATES|CITES]->() RETURN count(r) AS edges }
RETURN documents, ingested, edges, unresolved
