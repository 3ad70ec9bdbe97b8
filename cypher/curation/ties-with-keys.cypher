// Live ties that already have the MERGE key a tie is about to get (type, ends, forum, chain,
// validFrom, subject), other than the tie itself: two facts with one key would be one element
// on the canvas and one record to the seed's upsert.
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r]->(:Entity {id: row.to})
WHERE r.key = row.key AND r.id <> row.id
RETURN row.id AS id, r.id AS other, type(r) AS type, row.from AS from, row.to AS to, properties(r) AS props
