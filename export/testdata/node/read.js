// Read a GraphML, GEXF or graphology JSON file with graphology and print what it read as
// canonical JSON: {"nodes": {id: {attr: value}}, "edges": {id: {source, target, attrs}}}.
//
// Usage: node read.js graphml|gexf|json FILE
//
// Colours become one "color" attribute "#RRGGBB" (graphology-gexf reads viz:color as a CSS
// colour; GraphML keeps r, g, b). graphology-graphml reads yEd's graphics keys (which have no
// attr.name) as text under the name '': those are dropped. graphology-gexf ignores spells.
'use strict';
const fs = require('fs');
const Graph = require('graphology');

function hex(r, g, b) {
  return '#' + [r, g, b].map(c => Number(c).toString(16).toUpperCase().padStart(2, '0')).join('');
}

function clean(attrs) {
  const out = {};
  for (const [k, v] of Object.entries(attrs)) {
    // yEd's graphics keys have no attr.name: graphology-graphml files their text under ''.
    if (k === '') continue;
    out[k] = v;
  }
  if ('r' in out && 'g' in out && 'b' in out) {
    out.color = hex(out.r, out.g, out.b);
    delete out.r; delete out.g; delete out.b;
  }
  if (typeof out.color === 'string') {
    const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(out.color);
    if (m) out.color = hex(m[1], m[2], m[3]);
    else if (/^#[0-9a-fA-F]{6}$/.test(out.color)) out.color = out.color.toUpperCase();
  }
  return out;
}

const [kind, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
let g;
if (kind === 'graphml') {
  g = require('graphology-graphml').parse(Graph, text);
} else if (kind === 'gexf') {
  g = require('graphology-gexf').parse(Graph, text);
} else if (kind === 'json') {
  g = Graph.from(JSON.parse(text));
} else {
  console.error('unknown format ' + kind);
  process.exit(2);
}
if (g.type !== 'directed' && g.type !== 'mixed') {
  console.error('graph read as ' + g.type);
  process.exit(1);
}
const nodes = {};
g.forEachNode((key, attrs) => { nodes[key] = clean(attrs); });
const edges = {};
g.forEachEdge((key, attrs, source, target, sa, ta, undirected) => {
  if (undirected) {
    console.error('edge ' + key + ' read as undirected');
    process.exit(1);
  }
  if (kind === 'gexf' && 'shape' in attrs) {
    // viz:shape, which says again what the dashed attribute says.
    if (attrs.shape !== 'dashed' || attrs.dashed !== true) {
      console.error('edge ' + key + ' has viz:shape ' + attrs.shape + ' but dashed ' + attrs.dashed);
      process.exit(1);
    }
    attrs = Object.assign({}, attrs);
    delete attrs.shape;
  }
  edges[key] = {source, target, attrs: clean(attrs)};
});
process.stdout.write(JSON.stringify({nodes, edges}));
