// One saved view by id.
MATCH (v:View {id: $id})
RETURN v {.*} AS view
