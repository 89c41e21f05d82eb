// Documents whose key (its number first) starts with one of $prefixes ('33/', '33-').
// STARTS WITH on the unique key is served by the constraint's range index.
UNWIND $prefixes AS prefix
MATCH (d:Document)
WHERE d.key STARTS WITH prefix
RETURN properties(d) AS node
