"""Reads a GEXF export with networkx and reports its nodes, edges and the edges' spells (the
time intervals Gephi's timeline plays). Prints JSON. Usage: python3 check_gexf.py FILE"""
import json
import sys

import networkx as nx


def main(path):
    g = nx.read_gexf(path)
    spells = {}
    # networkx gives a DiGraph when no two edges share their ends, a MultiDiGraph otherwise;
    # every edge carries its fact id as an attribute either way.
    for _, _, data in g.edges(data=True):
        if "spells" in data:
            spells[data["factId"]] = [[s, e] for s, e in data["spells"]]
    sample = {n: {k: v for k, v in d.items() if k in ("label", "name", "certainty", "sources")} for n, d in list(g.nodes(data=True))[:3]}
    print(json.dumps({
        "mode": g.graph.get("mode"),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "spells": spells,
        "edgeTypes": sorted({d.get("type") for _, _, d in g.edges(data=True)}),
        "certainties": sorted({d.get("certainty") for _, _, d in g.edges(data=True)}),
        "sample": sample,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
