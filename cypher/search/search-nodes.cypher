// Ranked full-text search over names, English names, aliases and ids. $query is a Lucene
// query the server builds from the user's words with every special character escaped.
// A node whose name, English name, alias or id is exactly what was typed comes first.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
WITH node, score +
  CASE WHEN toLower(node.name) = $exact OR toLower(node.nameEn) = $exact OR node.id = $exact
         OR any(a IN node.aliases WHERE toLower(a) = $exact) THEN 100 ELSE 0 END AS score
RETURN node {.id, .label, .name, .nameEn, .aliases, .description} AS node, score
ORDER BY score DESC, size(node.name), node.name
LIMIT $limit
