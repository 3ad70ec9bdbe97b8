// The stored text of one version of a document; with $n null, of its current version. No row
// when that version's text is not stored (version 1 of a document whose text was never stored).
MATCH (s:Source {file: $file})-[:HAS_VERSION]->(v:SourceVersion)
WHERE v.n = coalesce($n, s.currentVersion, 1) AND v.text IS NOT NULL
RETURN v.n AS n, v.text AS text
