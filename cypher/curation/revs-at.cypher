// Each element's `rev` as it was at a version: the version of the last operation on it at or
// before then (every write, the seed load included, records one), 0 when there was none.
UNWIND $elements AS e
OPTIONAL MATCH (o:Op {elementId: e.id})
WHERE o.elementKind = e.kind AND o.version <= $version
WITH e, max(o.version) AS rev
RETURN e.id AS id, e.kind AS kind, coalesce(rev, 0) AS rev
