// Who acts for whom, in which forum, on whose mandate. Three kinds of fact answer it:
//   REPRESENTS        agent → principal, `forum` = a forum or a Group of forums (with `scope`);
//   LEADS_DELEGATION  agent → forum, `principal` names whose delegation;
//   PARTICIPATES_IN   {capacity: 'expert-authority'}: the agent acts in its own name (no principal).
// Any of agent, principal and forum may be null; the query anchors on whichever is given so it
// seeks, not scans. An agent also covers the people, posts and units that act for it (its
// parts, its head, those who work there or hold its posts: `actsFor` names the agent). A
// principal also matches the bodies that are part of it. A forum also covers its organs and
// parts (WHO's Executive Board) and the Groups that include any of them (the row keeps the
// Group and its scope, so "in some of these bodies" never reads as "in this body"). In an
// as-of answer every fact carries its timeStatus and `inSpan`: false when its dates place it
// outside the span (not valid then); $stated keeps only stated facts.
CALL () {
  WITH 1 AS _ WHERE $agent IS NOT NULL
  MATCH (a:Entity)-[:PART_OF|DIRECTS|WORKS_AT|HOLDS_POST*0..2]->(:Entity {id: $agent})
  MATCH (a)-[r:REPRESENTS|LEADS_DELEGATION|PARTICIPATES_IN]->(x:Entity)
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
  OPTIONAL MATCH (part:Entity)-[:PART_OF*1..2]->(forum)
  WITH forum, collect(DISTINCT part) AS parts
  WITH [forum] + parts AS organs
  UNWIND organs AS organ
  OPTIONAL MATCH (g:Entity)-[:INCLUDES]->(organ)
  WITH organs, collect(DISTINCT g) AS groups
  WITH organs + groups AS forums
  WITH forums, [f IN forums | f.id] AS forumIds
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
  AND (NOT $stated OR r.certainty = 'stated')
OPTIONAL MATCH (p:Entity {id: principalId})
OPTIONAL MATCH (f:Entity {id: forumId})
WITH a, r, p, f
WHERE ($principal IS NULL OR p.id = $principal OR EXISTS { (p)-[:PART_OF*1..2]->(:Entity {id: $principal}) })
  AND ($forum IS NULL OR EXISTS { (f)-[:INCLUDES*0..1]->(:Entity)-[:PART_OF*0..2]->(:Entity {id: $forum}) })
WITH a, r, p, f ORDER BY coalesce(f.name, ''), a.name, r.validFromDate LIMIT $limit
// Whom the agent acts for when it is not the agent asked about; the forum asked about and its
// organs, so a row can say which organ it is about.
OPTIONAL MATCH (asked:Entity {id: $agent})
WITH a, r, p, f, CASE WHEN asked IS NOT NULL AND asked <> a THEN asked END AS actsFor
CALL () {
  OPTIONAL MATCH (fa:Entity {id: $forum})
  OPTIONAL MATCH (organ:Entity)-[:PART_OF*1..2]->(fa)
  RETURN fa {.*} AS askedForum, collect(DISTINCT organ.id) AS forumParts
}
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
WITH *,
     CASE
       WHEN $asOfStart IS NULL THEN null
       WHEN r.validFromDate IS NOT NULL THEN 'valid'
       WHEN r.validToDate IS NOT NULL AND r.attestedDate <= date($asOfEnd) THEN 'valid'
       WHEN r.attestedDate >= date({year: date($asOfStart).year}) AND r.attestedDate <= date($asOfEnd) THEN 'attested'
       ELSE 'undated'
     END AS timeStatus,
     $asOfStart IS NULL OR (
       (r.validFromDate IS NULL OR r.validFromDate <= date($asOfEnd)) AND
       (r.validToDate IS NULL OR r.validToDate >= date($asOfStart))) AS inSpan
CALL (a, r, f) {
  OPTIONAL MATCH (a)-[t:PARTICIPATES_IN|MEMBER_OF|LEADS_DELEGATION|CHAIRS]->(f)
  WHERE t <> r
  RETURN collect(t {.*, type: type(t), source: a.id, target: f.id}) AS forumTies
}
RETURN a {.*} AS agent,
       actsFor {.*} AS actsFor,
       askedForum, forumParts,
       p {.*} AS principal,
       f {.*} AS forum,
       members, memberTies, basisGiver, basisHolder, basisMandate, basisNode,
       r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
       forumTies, timeStatus, inSpan
ORDER BY coalesce(forum.name, ''), agent.name, relationship.validFrom
