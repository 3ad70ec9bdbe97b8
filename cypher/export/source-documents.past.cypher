// As recorded at version $v: registered documents are not versioned (the replay keeps them
// too), so this is the same read as export/source-documents.
MATCH (s:Source)
RETURN s {.*} AS document
ORDER BY s.file
