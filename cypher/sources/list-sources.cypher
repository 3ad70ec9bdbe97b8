// The source documents the facts cite, with the dates they were written by (:Source nodes,
// kept apart from :Entity so they stay out of the entity graph and search). An uploaded text
// (up to 2 MB each) stays on the node: the list only says that there is one.
MATCH (s:Source)
RETURN s {.*, text: null} AS source, s.text IS NOT NULL AS hasText
ORDER BY s.file
