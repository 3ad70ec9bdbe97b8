// Every operation on one element (a node id or a tie's fact id), newest first, with its change set.
MATCH (o:Op {elementId: $id})
MATCH (c:ChangeSet {version: o.version})
RETURN o {.*} AS op, c {.*} AS changeSet
ORDER BY o.version DESC, o.seq DESC
