// When a version was made: its change set's moment; no row for version 0 (before any).
MATCH (c:ChangeSet {version: $version})
RETURN c.at AS at
LIMIT 1
