// A saved view: a name and a link, pinned to the version it was saved at.
CREATE (v:View)
SET v = $view
RETURN v {.*} AS view
