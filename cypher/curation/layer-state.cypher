// The version counter and the span of versions the recorded-states layer answers: from
// layerFrom (when it was built from the live graph) to layerAt (the last change set that kept
// it), and the layer's format (layerFormat; absent in a layer of the first format, which copied
// a node's ties with each of its states). Null when the layer was never built or a write around
// the funnel left it behind.
OPTIONAL MATCH (g:GraphVersion {id: 'graph'})
RETURN coalesce(g.version, 0) AS version, g.at AS at, g.layerFrom AS layerFrom, g.layerAt AS layerAt,
       g.layerFormat AS layerFormat
