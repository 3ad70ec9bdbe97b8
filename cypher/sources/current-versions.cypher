// The current version of each registered document (absent: 1), so a new citation says which
// text it was read against.
UNWIND $files AS file
MATCH (s:Source {file: file})
RETURN s.file AS file, coalesce(s.currentVersion, 1) AS current
