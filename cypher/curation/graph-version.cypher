// The version of the last change set and when it was applied; 0 before any change set.
OPTIONAL MATCH (g:GraphVersion {id: 'graph'})
RETURN coalesce(g.version, 0) AS version, g.at AS at
