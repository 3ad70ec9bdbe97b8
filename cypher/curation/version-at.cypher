// The last version applied at or before a moment (ISO text, compared as text: all are UTC "Z").
MATCH (c:ChangeSet)
WHERE c.at <= $at
RETURN c.version AS version
ORDER BY c.version DESC
LIMIT 1
