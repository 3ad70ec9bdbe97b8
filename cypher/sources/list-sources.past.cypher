// As recorded at version $v (docs/curation.md §3): registered documents are not versioned (a
// document does not become false by being unused, and the replay keeps them too), so this is
// the same read as sources/list-sources.
MATCH (s:Source)
RETURN s {.*, text: null} AS source, s.text IS NOT NULL AS hasText
ORDER BY s.file
