// Package graphology writes an exported graph as graphology's JSON serialisation
// (https://graphology.github.io/serialization.html), which Gephi Lite and sigma.js load:
//
//	{"attributes": {...}, "options": {"type": "directed", "multi": true, "allowSelfLoops": true},
//	 "nodes": [{"key": ..., "attributes": {...}}], "edges": [{"key", "source", "target", "attributes"}]}
//
// Attributes have the names every format uses (label, kind, type, ...); weight is a number,
// dashed a boolean, and the colour is "color": "#RRGGBB". Empty attributes are left out.
// JSON carries every character, control characters included (as \u escapes); only bytes
// that are not UTF-8 become U+FFFD.
//
// The format is registered as "json", for files ending in .graphology.json or .json.
// Writer is the format itself and knows nothing of factgraph; Write turns an export.Graph
// into Writer calls.
package graphology
