"""Read the nodes and edges tables of the csv format with Python's csv module and print
what it read as canonical JSON (see read_networkx.py).

Usage: read_csv.py NODES.csv EDGES.csv

Gephi's columns map back to the attribute names every format uses: Id is the key, Label
label, Weight weight (a number), relation_type type; dashed is a boolean. Empty cells are
attributes the item does not have. Type must be Directed.
"""
import csv
import json
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, strict=True))


def attrs(row, skip):
    out = {}
    for k, v in row.items():
        if k in skip or v == "":
            continue
        if k == "Label":
            k = "label"
        elif k == "Weight":
            v = float(v)
            k = "weight"
        elif k == "relation_type":
            k = "type"
        elif k == "dashed":
            v = {"true": True, "false": False}[v]
        out[k] = v
    return out


def main():
    nodes = {}
    for r in rows(sys.argv[1]):
        if r["Id"] in nodes:
            sys.exit("node %r twice" % r["Id"])
        nodes[r["Id"]] = attrs(r, {"Id"})
    edges = {}
    for r in rows(sys.argv[2]):
        if r["Type"] != "Directed":
            sys.exit("edge %r is %r" % (r["Id"], r["Type"]))
        if r["Id"] in edges:
            sys.exit("edge %r twice" % r["Id"])
        edges[r["Id"]] = {"source": r["Source"], "target": r["Target"],
                          "attrs": attrs(r, {"Id", "Source", "Target", "Type"})}
    json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False, sort_keys=True)


main()
