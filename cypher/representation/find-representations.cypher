// Who acts for whom, in which forum, on whose mandate. Three kinds of fact answer it:
//   REPRESENTS        agent → principal, `forum` = a forum or a Group of forums (with `scope`);
//   LEADS_DELEGATION  agent → forum, `principal` names whose delegation;
//   PARTICIPATES_IN   {capacity: 'expert-authority'}: the agent acts in its own name (no principal).
// Any of agent, principal and forum may be null; the query anchors on whichever is given so it
// seeks, not scans. A principal also matches the bodies that are part of it; a forum also
// matches the Groups that include it (the row keeps the Group and its scope, so "in some of
// these bodies" never reads as "in this body"). Facts dated out of the as-of span are left
// out, the rest carry their timeStatus; $stated keeps only stated facts.
CALL () {
  WITH 1 AS _ WHERE $agent IS NOT NULL
  MATCH (a:Entity {id: $agent})-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Entity)
  WHERE type(r) <> 'PARTICIPATES_IN' OR r.capacity = 'expert-authority'
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NOT NULL
  MATCH (target:Entity {id: $principal})
  MATCH (p:Entity)-[:PART_OF*0..2]->(target)
  WITH collect(p) AS ps, collect(p.id) AS pids
  CALL (ps, pids) {
    UNWIND ps AS p
    MATCH (a:Entity)-[r:REPRESENTS]->(p)
    RETURN a, r, p AS x
    UNION
    MATCH (a:Entity)-[r:LEADS_DELEGATION]->(x:Entity)
    WHERE r.principal IN pids
    RETURN a, r, x
  }
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NOT NULL
  MATCH (forum:Entity {id: $forum})
  OPTIONAL MATCH (g:Entity)-[:INCLUDES]->(forum)
  WITH forum, [$forum] + collect(g.id) AS forumIds, [forum] + collect(g) AS forums
  CALL (forumIds, forums) {
    MATCH (a:Entity)-[r:REPRESENTS]->(x:Entity)
    WHERE r.forum IN forumIds
    RETURN a, r, x
    UNION
    UNWIND forums AS f
    MATCH (a:Entity)-[r:LEADS_DELEGATION]->(f)
    RETURN a, r, f AS x
    UNION
    MATCH (a:Entity)-[r:PARTICIPATES_IN {capacity: 'expert-authority'}]->(x:Entity)
    WHERE x.id IN forumIds
    RETURN a, r, x
  }
  RETURN a, r, x
  UNION
  WITH 1 AS _ WHERE $agent IS NULL AND $principal IS NULL AND $forum IS NULL
  MATCH (a:Entity)-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Entity)
  WHERE type(r) <> 'PARTICIPATES_IN' OR r.capacity = 'expert-authority'
  RETURN a, r, x
}
WITH a, r, x,
     CASE type(r) WHEN 'REPRESENTS' THEN r.forum WHEN 'LEADS_DELEGATION' THEN x.id ELSE x.id END AS forumId,
     CASE type(r) WHEN 'REPRESENTS' THEN x.id WHEN 'LEADS_DELEGATION' THEN r.principal ELSE null END AS principalId
WHERE ($capacity IS NULL OR r.capacity = $capacity)
  AND ($asOfStart IS NULL OR (
    (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
    (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))))
  AND (NOT $stated OR r.certainty = 'stated')
OPTIONAL MATCH (p:Entity {id: principalId})
OPTIONAL MATCH (f:Entity {id: forumId})
WITH a, r, p, f
WHERE ($principal IS NULL OR p.id = $principal OR EXISTS { (p)-[:PART_OF*1..2]->(:Entity {id: $principal}) })
  AND ($forum IS NULL OR f.id = $forum OR EXISTS { (f)-[:INCLUDES]->(:Entity {id: $forum}) })
WITH a, r, p, f ORDER BY coalesce(f.name, ''), a.name, r.validFromDate LIMIT $limit
// A Group's members (as the source lists them), the member asked about, the basis the act
// names, and the agent's own ties to the forum so it is connected on the canvas.
CALL (f) {
  OPTIONAL MATCH (f)-[i:INCLUDES]->(m:Entity)
  WITH i, m LIMIT 100
  RETURN collect(m {.*}) AS members, collect(i {.*, type: type(i), source: f.id, target: m.id}) AS memberTies
}
CALL (r) {
  OPTIONAL MATCH (giver:Entity)-[m:MANDATES {id: r.basisRef}]->(holder:Entity)
  WHERE r.basisKind = 'mandate'
  WITH giver, m, holder LIMIT 1
  RETURN giver {.*} AS basisGiver, holder {.*} AS basisHolder,
         m {.*, type: type(m), source: giver.id, target: holder.id} AS basisMandate
}
CALL (r) {
  OPTIONAL MATCH (b:Entity {id: r.basisRef})
  WHERE r.basisKind IN ['treaty', 'law']
  RETURN b {.*} AS basisNode
}
OPTIONAL MATCH (a)-[t:PARTICIPATES_IN|MEMBER_OF|LEADS_DELEGATION|CHAIRS]->(f)
WHERE t <> r
RETURN a {.*} AS agent,
       p {.*} AS principal,
       f {.*} AS forum,
       members, memberTies, basisGiver, basisHolder, basisMandate, basisNode,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       collect(t {.*, type: type(t), source: a.id, target: f.id}) AS forumTies,
       CASE
         WHEN $asOfStart IS NULL THEN null
         WHEN r.validFromDate IS NOT NULL THEN 'valid'
         WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
         WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
         ELSE 'undated'
       END AS timeStatus
ORDER BY coalesce(forum.name, ''), agent.name, relationship.validFrom
