"""Time NetworkX writing, from memory, the graph a factgraph GraphML export holds.

Usage: networkx_write.py GRAPHML OUTDIR

Reads GRAPHML (factgraph's export of the full view; not timed), checks that the graph read
is the file's graph (the same node ids, edge ids, ends and attributes), then times
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


def same(value, text, typ):
    if typ in ("int", "long"):
        return value == int(text)
    if typ in ("float", "double"):
        return value == float(text)
    if typ == "boolean":
        return value == (text.strip().lower() == "true")
    return value == text


def check_read(g, path):
    """Stream the GraphML file and compare every node, edge and value with g."""
    keys = {}  # key id -> (attr.name, attr.type)
    nodes = edges = 0
    for _, el in ET.iterparse(path):
        tag = el.tag
        if tag == GRAPHML + "key":
            keys[el.get("id")] = (el.get("attr.name"), el.get("attr.type"))
        elif tag in (GRAPHML + "node", GRAPHML + "edge"):
            if tag == GRAPHML + "node":
                nodes += 1
                what = "node %r" % el.get("id")
                if el.get("id") not in g:
                    sys.exit("networkx_write: %s was not read" % what)
                attrs = g.nodes[el.get("id")]
            else:
                edges += 1
                u, v, k = el.get("source"), el.get("target"), el.get("id")
                what = "edge %r" % k
                if not g.has_edge(u, v, k):
                    sys.exit("networkx_write: %s from %r to %r was not read" % (what, u, v))
                attrs = g.edges[u, v, k]
            data = el.findall(GRAPHML + "data")
            if len(data) != len(attrs):
                sys.exit("networkx_write: %s has %d values in the file, %d read" % (what, len(data), len(attrs)))
            for d in data:
                name, typ = keys[d.get("key")]
                if name not in attrs or not same(attrs[name], d.text or "", typ):
                    sys.exit("networkx_write: %s: %s is %r in the file, %r read" % (what, name, d.text, attrs.get(name)))
            el.clear()
    if nodes != g.number_of_nodes() or edges != g.number_of_edges():
        sys.exit("networkx_write: the file has %d nodes and %d edges, %d and %d read" % (nodes, edges, g.number_of_nodes(), g.number_of_edges()))
    return nodes, edges


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
    g = nx.read_graphml(src, force_multigraph=True)
    check_read(g, src)
    # Reading holds the whole XML document at once and leaves the process's memory in
    # pieces: at 1,000 articles 820 MB resident for a graph of 130 MB. The writes are timed
    # in a fresh process, this one replaced, that loads the graph from a pickle: what it
    # holds is then the graph (160 MB resident at 1,000 articles).
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
