// Registers texts of documents as their versions and makes the newest one current. Written only
// by the change-set funnel (writeTransitions), in the transaction that records the change set.
UNWIND $rows AS row
MATCH (s:Source {file: row.file})
MERGE (s)-[:HAS_VERSION]->(v:SourceVersion {file: row.file, n: row.n})
SET v.sha256 = row.sha256, v.text = row.text, v.lineCount = row.lineCount,
    v.registeredIn = row.registeredIn, v.registeredAt = row.registeredAt
WITH s, row
SET s.currentVersion = CASE WHEN coalesce(s.currentVersion, 1) > row.n THEN s.currentVersion ELSE row.n END
RETURN count(*) AS versions
