// search/search-nodes as recorded at version $v: the same candidates among the copies valid
// then, from the copies' own full-text index (rec_names). Its word statistics count every copy,
// so scores may differ from the answer then (the answer says so); copies of other versions are
// skipped, so it asks the index for more than $candidates and keeps $candidates.
CALL db.index.fulltext.queryNodes('rec_names', $query, {limit: $candidates * 4}) YIELD node, score
WHERE node.recFrom <= $v < node.recTo AND ($labels IS NULL OR node.label IN $labels)
WITH node, score LIMIT $candidates
RETURN node {.id, .label, .name, .nameEn, .aliases, .description} AS node,
       score,
       COUNT { (node)-[r]-() WHERE r.recFrom <= $v < r.recTo } AS degree,
       COLLECT {
         MATCH (node)(()-[q:PART_OF|UNDER|WORKS_AT|DIRECTS|HOLDS_POST WHERE q.recFrom <= $v < q.recTo]->()){1,3}(up)
         RETURN up.id
       } AS containers
