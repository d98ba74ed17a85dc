// Where factgraph's page gets what it shows: the data inlined in a file page, or the server
// that sent the page (factgraph serve; serve/doc.go lists its requests).
(function () {
  'use strict';
  var foldName = window.factgraphUtil.foldName;

  window.factgraphData = function (boot) {

    function fileData() {
      var index = null;
      function searchIndex() {
        if (index) return index;
        index = [];
        Object.keys(boot.items).forEach(function (id) {
          var it = boot.items[id];
          var names = [{ text: it.label, how: '' }, { text: id, how: 'id' }];
          (it.aliases || []).forEach(function (a) { names.push({ text: a, how: 'alias' }); });
          index.push({ id: id, label: it.label, kind: it.kind, names: names });
        });
        return index;
      }
      return {
        view: function (name) {
          var v = boot.views[name];
          return Promise.resolve(v || null);
        },
        item: function () { return Promise.resolve({ items: boot.items, sources: boot.sources }); },
        text: function (id) { return Promise.resolve(boot.sources[id] || null); },
        search: function (q) { return Promise.resolve(rank(searchIndex(), q)); },
        expand: null
      };
    }

    // rank orders the entries whose names match q: whole name, then start of the name, then
    // start of a word, then anywhere; at most 12.
    function rank(entries, q) {
      q = foldName(q);
      if (!q) return [];
      var out = [];
      entries.forEach(function (e) {
        var best = null;
        e.names.forEach(function (n) {
          var f = foldName(n.text);
          var score = f === q ? 0 : f.indexOf(q) === 0 ? 1 : (' ' + f).indexOf(' ' + q) >= 0 ? 2 : f.indexOf(q) >= 0 ? 3 : -1;
          if (score >= 0 && (best === null || score < best.score)) best = { score: score, name: n };
        });
        if (best) out.push({ id: e.id, label: e.label, kind: e.kind, score: best.score, match: best.name.how ? best.name.text : '', how: best.name.how });
      });
      out.sort(function (a, b) {
        return a.score - b.score || (a.kind === 'party' ? 0 : 1) - (b.kind === 'party' ? 0 : 1) || a.label.length - b.label.length || (a.id < b.id ? -1 : 1);
      });
      return out.slice(0, 12);
    }

    function serveData() {
      function get(path, params) {
        var u = new URL(path, window.location.href);
        Object.keys(params || {}).forEach(function (k) {
          if (params[k] !== undefined && params[k] !== null && params[k] !== '') u.searchParams.set(k, params[k]);
        });
        return fetch(u.toString(), { headers: { Accept: 'application/json' } }).then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) {
            if (!r.ok) throw new Error(body.error || ('the server answered ' + r.status));
            return body;
          });
        });
      }
      return {
        view: function (name, opts) { return get('api/graph', { view: name, focus: opts.focus, depth: opts.depth, page: opts.page }); },
        item: function (id) { return get('api/item', { id: id }); },
        text: function (id) { return get('api/text', { source: id }); },
        search: function (q) { return get('api/search', { q: q }).then(function (b) { return b.results || []; }); },
        expand: function (name, id) { return get('api/graph', { view: name, focus: id, depth: 1 }); }
      };
    }

    return boot.mode === 'serve' ? serveData() : fileData();
  };
})();
