// Says which versions the recorded-states layer answers: from $from to $at (both null: none,
// while it is being built or after a write around the funnel).
MATCH (g:GraphVersion {id: 'graph'})
SET g.layerFrom = $from, g.layerAt = $at
RETURN g.version AS version
