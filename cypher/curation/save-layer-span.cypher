// Says which versions the recorded-states layer answers: from $from to $at (both null: none,
// while it is being built or after a write around the funnel), and in which format it is kept
// ($format; null with no layer).
MATCH (g:GraphVersion {id: 'graph'})
SET g.layerFrom = $from, g.layerAt = $at, g.layerFormat = $format
RETURN g.version AS version
