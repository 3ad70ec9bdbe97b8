"""Parses a JSON-LD and a Turtle export with rdflib, compares them as graphs, and validates both
with pyshacl against the given SHACL shape files. Prints JSON.
Usage: python3 check_rdf.py FILE.jsonld FILE.ttl SHAPES.ttl [SHAPES.ttl …]"""
import json
import sys

from pyshacl import validate
from rdflib import Graph
from rdflib.compare import isomorphic, to_isomorphic, graph_diff


def main(jsonld_path, turtle_path, shape_paths):
    jsonld = Graph().parse(jsonld_path, format="json-ld")
    turtle = Graph().parse(turtle_path, format="turtle")
    shapes = Graph()
    for p in shape_paths:
        shapes.parse(p, format="turtle")
    same = isomorphic(jsonld, turtle)
    only = {}
    if not same:
        _, in_jsonld, in_turtle = graph_diff(to_isomorphic(jsonld), to_isomorphic(turtle))
        only = {
            "jsonld": [" ".join(t.n3() for t in triple) for triple in list(in_jsonld)[:10]],
            "turtle": [" ".join(t.n3() for t in triple) for triple in list(in_turtle)[:10]],
        }
    results = {}
    for name, g in (("jsonld", jsonld), ("turtle", turtle)):
        conforms, _, text = validate(g, shacl_graph=shapes, inference="none", allow_warnings=False)
        results[name] = {"conforms": conforms, "report": "" if conforms else text[:4000]}
    print(json.dumps({"triples": {"jsonld": len(jsonld), "turtle": len(turtle)}, "isomorphic": same, "only": only, "shacl": results}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
