"""Time NetworkX writing, from memory, the graph a factgraph GraphML export holds.

Usage: networkx_write.py GRAPHML OUTDIR

Reads GRAPHML (factgraph's export of the full view; not timed) into the graph
nx.read_graphml would return (checked against it when the file is under 100 MB), then times
nx.write_graphml and nx.write_gexf of it alone, each to a file in OUTDIR, and checks that
each file written holds as many nodes and edges (and, for GraphML, attribute values). The
writes run in a fresh process that loads the graph from a pickle (see main).
bench/compare.sh compares the times with factgraph's whole export commands.

Prints one line per write, as /usr/bin/time -f '%e %U %S %M' would with the name first:
    networkx-write-graphml WALL USER SYS PEAK_KB
WALL is time.perf_counter around the write, USER and SYS the process's CPU seconds spent in
it, PEAK_KB the peak resident memory of the process during the write, which includes the
graph it holds: the peak is reset (/proc/self/clear_refs) before each write and read from
/proc/self/status after it. Linux only; needs NetworkX (Debian: python3-networkx).
"""
import gc
import os
import pickle
import sys
import time
import xml.etree.ElementTree as ET

import networkx as nx

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"

# Files up to this size are also read with nx.read_graphml, to check that read agrees.
CHECK_MAX = 100 << 20


def status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    sys.exit("networkx_write: no %s in /proc/self/status" % field)


def reset_peak():
    # Writing 5 resets the peak resident set size the kernel keeps (Linux 4.0 and later).
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def read(path):
    """Read a GraphML file with one directed graph and no key defaults, as factgraph writes
    it, into the MultiDiGraph nx.read_graphml(path, force_multigraph=True) returns: the same
    nodes, edges keyed by their ids and values typed by their keys, in the file's order.
    nx.read_graphml holds the whole XML document at once, some 30 times the file (18 GB at
    10,000 articles); this streams it."""
    g = nx.MultiDiGraph()
    g.graph.update(node_default={}, edge_default={})
    keys = {}  # key id -> (attr.name, python type)
    types = {"boolean": bool, "int": int, "long": int, "float": float, "double": float, "string": str}
    parent = None
    for event, el in ET.iterparse(path, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == GRAPHML + "graph":
                if el.get("edgedefault") != "directed":
                    sys.exit("networkx_write: %s: the graph is not directed" % path)
                parent = el
            continue
        if tag == GRAPHML + "key":
            if el.find(GRAPHML + "default") is not None:
                sys.exit("networkx_write: %s: key %r has a default, which this reader does not apply" % (path, el.get("id")))
            keys[el.get("id")] = (el.get("attr.name"), types[el.get("attr.type")])
        elif tag in (GRAPHML + "node", GRAPHML + "edge"):
            attrs = {}
            for d in el.iterfind(GRAPHML + "data"):
                name, typ = keys[d.get("key")]
                text = d.text or ""
                if typ is bool:
                    attrs[name] = text.strip().lower() in ("true", "1")
                else:
                    attrs[name] = typ(text)
            if tag == GRAPHML + "node":
                g.add_node(el.get("id"), **attrs)
            else:
                g.add_edge(el.get("source"), el.get("target"), key=el.get("id"), **attrs)
            parent.clear()  # what is read is no longer needed
    return g


def check(g, path):
    """Compare g with what nx.read_graphml reads from path."""
    want = nx.read_graphml(path, force_multigraph=True)
    if list(g.nodes(data=True)) != list(want.nodes(data=True)):
        sys.exit("networkx_write: the nodes read differ from nx.read_graphml's")
    if list(g.edges(keys=True, data=True)) != list(want.edges(keys=True, data=True)):
        sys.exit("networkx_write: the edges read differ from nx.read_graphml's")
    if g.graph != want.graph:
        sys.exit("networkx_write: the graph's attributes differ from nx.read_graphml's: %r, not %r" % (g.graph, want.graph))


def count(path, *tags):
    """Count the occurrences of each of tags in the file."""
    counts = [0] * len(tags)
    with open(path, "rb") as f:
        for line in f:
            for i, t in enumerate(tags):
                counts[i] += line.count(t)
    return counts


def timed(name, write, path):
    gc.collect()
    reset_peak()
    t0, c0 = time.perf_counter(), os.times()
    write(path)
    t1, c1 = time.perf_counter(), os.times()
    peak = status_kb("VmHWM")
    print("%s %.2f %.2f %.2f %d" % (name, t1 - t0, c1.user - c0.user, c1.system - c0.system, peak), flush=True)


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--from":
        write(sys.argv[2], sys.argv[3])
        return
    if len(sys.argv) != 3:
        sys.exit("usage: networkx_write.py GRAPHML OUTDIR")
    src, out = sys.argv[1], sys.argv[2]
    g = read(src)
    if os.path.getsize(src) <= CHECK_MAX:
        check(g, src)
    # Reading leaves the process's memory in pieces: nx.read_graphml left 820 MB resident
    # for a graph of 130 MB (1,000 articles). The writes are timed in a fresh process, this
    # one replaced, that loads the graph from a pickle: what it holds is then the graph
    # (160 MB resident at 1,000 articles).
    pick = os.path.join(out, "networkx.pickle")
    with open(pick, "wb") as f:
        pickle.dump((src, g), f, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, __file__, "--from", pick, out])


def write(pick, out):
    with open(pick, "rb") as f:
        src, g = pickle.load(f)
    os.remove(pick)
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
    values = sum(len(d) for _, d in g.nodes(data=True)) + sum(len(d) for _, _, d in g.edges(data=True))
    gc.collect()
    print("networkx %s: %s read: %d nodes, %d edges, %d values; %d MB resident"
          % (nx.__version__, src, nodes, edges, values, status_kb("VmRSS") // 1024), file=sys.stderr)

    path = os.path.join(out, "networkx.graphml")
    timed("networkx-write-graphml", lambda p: nx.write_graphml(g, p), path)
    got = count(path, b"<node ", b"<edge ", b"<data ")
    if got != [nodes, edges, values]:
        sys.exit("networkx_write: %s has %s nodes, edges and values, not %s" % (path, got, [nodes, edges, values]))

    path = os.path.join(out, "networkx.gexf")
    timed("networkx-write-gexf", lambda p: nx.write_gexf(g, p), path)
    got = count(path, b"<node ", b"<edge ")
    if got != [nodes, edges]:
        sys.exit("networkx_write: %s has %s nodes and edges, not %s" % (path, got, [nodes, edges]))


main()
