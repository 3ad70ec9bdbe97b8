// Upsert the source documents by file name. They are :Source, not :Entity, so they stay out of
// the entity graph, search and neighbourhoods; facts cite them by file in `sources`.
UNWIND $rows AS row
MERGE (s:Source {file: row.file})
SET s = row
RETURN count(s) AS sources
