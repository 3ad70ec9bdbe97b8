// Ranked full-text search over names, English names, aliases and ids. $query is a Lucene
// query the server builds from the user's words with every special character escaped.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
RETURN node {.id, .label, .name, .nameEn, .aliases, .description} AS node, score
ORDER BY score DESC, node.name
LIMIT $limit
