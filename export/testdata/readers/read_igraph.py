"""Read a GraphML file with igraph and print what it read as canonical JSON.

Usage: read_igraph.py FILE

Same output as read_networkx.py. igraph gives every vertex (edge) every attribute, filling
the missing ones with "" (strings), NaN (numbers) or False (booleans): those fillers are
dropped, as the writers leave empty attributes out. The yEd graphics keys are dropped.
"""
import json
import math
import sys

import igraph


def clean(d, drop):
    out = {}
    for k, v in d.items():
        if k in drop or v is None or v == "" or v is False:
            continue
        if isinstance(v, float) and math.isnan(v):
            continue
        out[k] = v
    if all(c in out for c in "rgb"):
        out["color"] = "#%02X%02X%02X" % (int(out.pop("r")), int(out.pop("g")), int(out.pop("b")))
    return out


def main():
    g = igraph.Graph.Read_GraphML(sys.argv[1])
    if not g.is_directed():
        sys.exit("graph read as undirected")
    drop = {"id", "nodegraphics", "edgegraphics"}
    ids = g.vs["id"]
    nodes = {}
    for v in g.vs:
        nodes[v["id"]] = clean(v.attributes(), drop)
    edges = {}
    for e in g.es:
        a = e.attributes()
        eid = a.get("id")
        if not eid or eid in edges:
            sys.exit("edge without id or read twice: %r" % eid)
        edges[eid] = {"source": ids[e.source], "target": ids[e.target], "attrs": clean(a, drop)}
    json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False, sort_keys=True)


main()
