// Totals for `lexgraph stats`.
CALL () { MATCH (d:Document) RETURN count(d) AS documents,
          count(CASE WHEN d.ingested THEN 1 END) AS ingested,
          count(CASE WHEN d.unresolved THEN 1 END) AS unresolved }
CALL () { MATCH ()-[r:CITES]->() RETURN count(r) AS edges }
RETURN documents, ingested, edges, unresolved
