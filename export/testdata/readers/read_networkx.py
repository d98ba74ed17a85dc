"""Read a GraphML or GEXF file with NetworkX and print what it read as canonical JSON.

Usage: read_networkx.py graphml|yed|gexf FILE

Output: {"nodes": {id: {attr: value}}, "edges": {id: {"source", "target", "attrs"}}}.
Colours, wherever the format keeps them (r, g, b attributes; viz color), become one
"color" attribute "#RRGGBB"; GEXF spells become "spells": [[start, end], ...], and a GEXF
node's viz:position and viz:size its "x", "y" and "size". NetworkX 2.8 does not read an
edge's viz:color from GEXF, so GEXF edges come without colour. In a yEd file (yed), NetworkX
reads a node's label from yEd's graphics (the label as drawn, wrapped) and its x and y from
y:Geometry, over the file's own x and y: those x, y and the shape_type it derives are dropped.
"""
import json
import sys

import networkx as nx
from networkx.readwrite import gexf as nxgexf


def register_gexf_13():
    # NetworkX 2.8 knows GEXF 1.1 and 1.2draft only; newer releases add this same entry.
    nxgexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": " ".join(["http://gexf.net/1.3", "http://gexf.net/1.3/gexf.xsd"]),
        "VERSION": "1.3",
    }


def hexcolor(r, g, b):
    return "#%02X%02X%02X" % (int(r), int(g), int(b))


def clean(d, drop):
    out = {}
    for k, v in d.items():
        if k in drop or v is None:
            continue
        out[k] = v
    if all(c in out for c in "rgb"):
        out["color"] = hexcolor(out.pop("r"), out.pop("g"), out.pop("b"))
    viz = out.pop("viz", None)
    if viz and "color" in viz:
        c = viz["color"]
        out["color"] = hexcolor(c["r"], c["g"], c["b"])
    if viz and "position" in viz:
        out["x"], out["y"] = viz["position"]["x"], viz["position"]["y"]
    if viz and "size" in viz:
        out["size"] = viz["size"]
    spells = out.pop("spells", None)
    if spells:
        # NetworkX 2.8 reads an open end of a spell as the string "None".
        out["spells"] = [[None if x in (None, "None") else x for x in s] for s in spells]
    return out


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind in ("graphml", "yed"):
        g = nx.read_graphml(path, force_multigraph=True)
        drop = {"shape_type", "x", "y"} if kind == "yed" else set()
    elif kind == "gexf":
        register_gexf_13()
        g = nx.read_gexf(path, version="1.3")
        drop = set()
    else:
        sys.exit("unknown format " + kind)
    if not g.is_directed():
        sys.exit("graph read as undirected")
    nodes = {str(n): clean(d, drop) for n, d in g.nodes(data=True)}
    edges = {}
    # The GEXF reader returns a DiGraph, whose edges have no keys, when no two edges share
    # their ends; the edge id is then only in the "id" attribute.
    if g.is_multigraph():
        triples = g.edges(keys=True, data=True)
    else:
        triples = ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
    for u, v, k, d in triples:
        d = {a: x for a, x in d.items() if a != "id"}
        if str(k) in edges:
            sys.exit("edge id %r read twice" % k)
        edges[str(k)] = {"source": str(u), "target": str(v), "attrs": clean(d, drop)}
    json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False, sort_keys=True)


main()
