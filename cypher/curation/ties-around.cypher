// The ties of one node with their validity, for comparing two valid dates around it.
MATCH (n:Entity {id: $id})-[r]-(m:Entity)
MATCH (a)-[r]->(b)
RETURN DISTINCT r.id AS id, type(r) AS type, a.id AS from, b.id AS to, a.name AS fromName, b.name AS toName,
       r.validFrom AS validFrom, r.validTo AS validTo, r.certainty AS certainty,
       toString(r.validFromDate) AS validFromDay, toString(r.validToDate) AS validToDay
