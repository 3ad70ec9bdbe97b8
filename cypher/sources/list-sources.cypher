// The source documents the facts cite, with the dates they were written by (:Source nodes,
// kept apart from :Entity so they stay out of the entity graph and search).
MATCH (s:Source)
RETURN s {.*} AS source
ORDER BY s.file
