// Documents whose folded title, issuer or number has every query word as a word prefix.
// $lucene is built by graph/search_text.py (`+dan* +van*`, words of \w only, escaped);
// the full-text index document_search holds the same folded words (whitespace analyzer).
// Order: ingested first, newest first (no date last), then key; $limit is an integer.
CALL db.index.fulltext.queryNodes('document_search', $lucene) YIELD node AS d
WITH d
ORDER BY coalesce(d.ingested, false) DESC, d.date IS NULL, d.date DESC, d.key
LIMIT $limit
RETURN properties(d) AS node
