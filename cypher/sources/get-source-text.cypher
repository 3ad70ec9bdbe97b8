// The text an editor uploaded with addSource, kept on its :Source node (null when none was).
MATCH (s:Source {file: $file})
WHERE s.text IS NOT NULL
RETURN s.text AS text
