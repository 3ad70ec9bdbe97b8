// Who represents whom, in which forum, in which capacity and when. Any of agent, principal
// and forum may be null; the query anchors on whichever is given so it seeks, not scans.
// A principal also matches the bodies that are part of it (asking for Sweden finds those who
// speak for the Swedish government).
CALL () {
  WITH 1 AS _ WHERE $agent IS NOT NULL
  MATCH (a:Entity {id: $agent})-[r:REPRESENTS]->(p:Entity)
  RETURN a, r, p
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NOT NULL
  MATCH (target:Entity {id: $principal})
  MATCH (p:Entity)-[:PART_OF*0..2]->(target)
  MATCH (a:Entity)-[r:REPRESENTS]->(p)
  RETURN a, r, p
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NOT NULL
  MATCH (a:Entity)-[r:REPRESENTS {forum: $forum}]->(p:Entity)
  RETURN a, r, p
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NULL
  MATCH (a:Entity)-[r:REPRESENTS]->(p:Entity)
  RETURN a, r, p
}
WITH a, r, p
WHERE ($principal IS NULL OR p.id = $principal OR EXISTS { (p)-[:PART_OF*1..2]->(:Entity {id: $principal}) })
  AND ($forum IS NULL OR r.forum = $forum)
  AND ($capacity IS NULL OR r.capacity = $capacity)
  AND ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
OPTIONAL MATCH (f:Entity {id: r.forum})
WITH a, r, p, f ORDER BY coalesce(f.name, ''), a.name, r.validFromDate LIMIT $limit
// The agent's own ties to the forum, so the forum is connected on the canvas.
OPTIONAL MATCH (a)-[t:PARTICIPATES_IN|MEMBER_OF|LEADS_DELEGATION|CHAIRS]->(f)
RETURN a {.*} AS agent,
       p {.*} AS principal,
       f {.*} AS forum,
       r {.*, type: type(r), source: a.id, target: p.id} AS relationship,
       collect(t {.*, type: type(t), source: a.id, target: f.id}) AS forumTies
ORDER BY coalesce(forum.name, ''), agent.name, relationship.validFrom
