// Upsert a batch of nodes by id. `SET n = row.properties` replaces every property, so loading
// the same records twice leaves the same graph. The label comes from the model's closed
// vocabulary, checked before the batch is sent. Partial dates are kept as given and also as
// the first and last day they cover, for "as of" comparisons; `attested` (the earliest written
// date of the documents cited) likewise as its first day.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.rev AS rev
SET n = row.properties
SET n:$(row.label)
SET n.validFromDate = date(row.validFromDay), n.validToDate = date(row.validToDay), n.attestedDate = date(row.attestedDay),
    n.rev = coalesce(row.properties.rev, rev)
// A load that is not recorded as a change set (a second `npm run seed`) keeps each node's `rev`.
RETURN count(n) AS nodes
