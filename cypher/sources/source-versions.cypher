// A registered document with every version of its text (source watch): the uploaded text of
// the first registration, the current version's number (absent: 1) and each :SourceVersion.
MATCH (s:Source {file: $file})
OPTIONAL MATCH (s)-[:HAS_VERSION]->(v:SourceVersion)
WITH s, v
ORDER BY v.n
RETURN s.file AS file, coalesce(s.currentVersion, 1) AS current, s.text AS uploaded,
       [x IN collect(v) | x {.n, .text, .sha256, .lineCount, .registeredIn, .registeredAt}] AS versions
