// Documents whose folded title, issuer or number has every query word as a word prefix.
// $lucene is built by graph/search_text.py (`+dan* +van*`, words of \w only, escaped);
// the full-text index document_search holds the same folded words (whitespace analyzer).
// Rank, as graph/search_text.match_rank: 0 the query's words as a phrase ($phrase, padded
// with spaces), 1 every word whole ($whole, each padded), 2 prefixes only.
// Order: rank, ingested first, newest first (no date last), then key; $limit an integer.
CALL db.index.fulltext.queryNodes('document_search', $lucene) YIELD node AS d
WITH d, ' ' + coalesce(d.search_text, '') + ' ' AS padded
WITH d, CASE WHEN padded CONTAINS $phrase THEN 0
             WHEN all(word IN $whole WHERE padded CONTAINS word) THEN 1
             ELSE 2 END AS rank
ORDER BY rank, coalesce(d.ingested, false) DESC, d.date IS NULL, d.date DESC, d.key
LIMIT $limit
RETURN properties(d) AS node, rank
