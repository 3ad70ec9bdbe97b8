// Candidates for a search. $query is a Lucene query the server builds from the user's words
// (letters and digits only, operators its own). The server ranks them afterwards, for which it
// needs each candidate's place in the graph: what it is part of, works at or answers to (so the
// whole can come before its parts and people) and its degree.
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $candidates}) YIELD node, score
WHERE $labels IS NULL OR node.label IN $labels
RETURN node {.id, .label, .name, .nameEn, .aliases, .description} AS node,
       score,
       COUNT { (node)--() } AS degree,
       [(node)-[:PART_OF|UNDER|WORKS_AT|DIRECTS|HOLDS_POST*1..3]->(up) | up.id] AS containers
