// One document by its canonical key.
MATCH (d:Document {key: $key})
RETURN properties(d) AS node
