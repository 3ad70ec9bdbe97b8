// Upsert the source documents by file name. They are :Source, not :Entity, so they stay out of
// the entity graph, search and neighbourhoods; facts cite them by file in `sources`. A document
// keeps the number of its current text (source watch) when the seed is loaded again.
UNWIND $rows AS row
MERGE (s:Source {file: row.file})
WITH s, row, s.currentVersion AS current
SET s = row
SET s.currentVersion = current
RETURN count(s) AS sources
