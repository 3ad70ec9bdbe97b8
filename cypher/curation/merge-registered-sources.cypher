// Registers source documents added by an editor (the seed's own come from sources.json).
UNWIND $rows AS row
MERGE (s:Source {file: row.file})
SET s += row
RETURN count(s) AS sources
