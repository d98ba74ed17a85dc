// The side panel of factgraph's page: every field of an item, its sources, each quote in its
// paragraph of the source text, a claim's thread; and an edge's own facts.
(function () {
  'use strict';
  var U = window.factgraphUtil;
  var el = U.el, clearChildren = U.clearChildren, short = U.short, locate = U.locate, shapeIcon = U.shapeIcon;
  var $ = function (id) { return document.getElementById(id); };

  // factgraphPanel makes the panel of a page: ctx holds its boot data, state, graph,
  // renderer and data source, and its choose (show an item) and expand (read its
  // neighbours) functions.
  window.factgraphPanel = function (ctx) {
    var boot = ctx.boot, state = ctx.state, graph = ctx.graph, renderer = ctx.renderer, data = ctx.data;
    var choose = function (id) { ctx.choose(id); };
    var expand = function (id) { ctx.expand(id); };

    function labelOf(id) {
      var it = state.items[id];
      if (it) return it.label;
      if (graph.hasNode(id)) return graph.getNodeAttribute(id, 'fullLabel');
      return id;
    }

    function kindBadge(kind) {
      var style = boot.style.nodes.filter(function (s) { return s.kind === kind; })[0];
      return el('span', { className: 'kind' }, [style ? shapeIcon(style.shape, style.color) : null, kind]);
    }

    function refButton(id) {
      var b = el('button', { type: 'button', className: 'ref', textContent: short(labelOf(id), 60), title: id });
      b.dataset.id = id;
      b.addEventListener('click', function () { choose(id); });
      return b;
    }

    function fieldsList(fields) {
      var dl = el('dl');
      fields.forEach(function (f) {
        dl.appendChild(el('dt', { textContent: f.name.replace(/_/g, ' ') }));
        dl.appendChild(el('dd', null, f.ids ? f.ids.map(refButton) : [f.text]));
      });
      return dl;
    }

    // showPanel opens the side panel and fits the drawing to the room it leaves at once, so
    // that a node centred now stays in the middle.
    function showPanel(show) {
      if ($('panel').hidden === !show) return;
      $('panel').hidden = !show;
      renderer.resize();
      renderer.refresh({ skipIndexation: true });
    }

    function openPanel(id, note) {
      var body = $('panel-body');
      showPanel(true);
      var it = state.items[id];
      if (!it || it.brief) {
        clearChildren(body);
        body.appendChild(el('p', { textContent: 'Loading ' + id + '\u2026' }));
      }
      var ready = it && !it.brief ? Promise.resolve() : data.item(id).then(function (res) {
        Object.assign(state.items, res.items || {});
        Object.assign(state.sources, res.sources || {});
      });
      return ready.then(function () {
        var item = state.items[id];
        if (!item) throw new Error('no item ' + JSON.stringify(id));
        renderItem(item, note);
      }).catch(function (err) {
        clearChildren(body);
        body.appendChild(el('p', { className: 'error', textContent: String(err.message || err) }));
      });
    }

    function renderItem(item, note) {
      var body = $('panel-body');
      clearChildren(body);
      body.dataset.id = item.id;
      body.appendChild(el('h2', { textContent: item.label || item.id }));
      body.appendChild(kindBadge(item.kind));
      if (note) body.appendChild(el('p', { className: 'note', textContent: note }));
      body.appendChild(fieldsList([{ name: 'id', text: item.id }].concat(item.fields || [])));
      if (item.kind === 'claim' || item.kind === 'counterclaim') body.appendChild(thread(item));
      body.appendChild(el('h3', { textContent: 'Sources' }));
      var ul = el('ul', { className: 'sources' });
      (item.sources || []).forEach(function (s) { ul.appendChild(sourceEntry(s)); });
      body.appendChild(ul);
      if ((item.quotes || []).length) {
        body.appendChild(el('h3', { textContent: 'Quotes' }));
        var quotes = el('div', { className: 'quotes' });
        body.appendChild(quotes);
        item.quotes.forEach(function (q) {
          var box = el('div', { className: 'quote' }, [el('blockquote', { textContent: q })]);
          quotes.appendChild(box);
          placeQuote(box, q, item.sources || []);
        });
      }
      if (data.expand && graph.hasNode(item.id)) {
        var b = el('button', { type: 'button', className: 'action', textContent: 'Show its neighbours' });
        b.addEventListener('click', function () { expand(item.id); });
        body.appendChild(b);
      }
    }

    function sourceEntry(id) {
      var src = state.sources[id] || { id: id, title: id };
      var title = src.title || id;
      var head = /^https?:\/\//i.test(src.url || '')
        ? el('a', { href: src.url, textContent: title, rel: 'noopener noreferrer', target: '_blank' })
        : el('span', { textContent: title });
      var meta = [src.author, src.publisher, src.published].filter(Boolean).join(', ');
      return el('li', null, [head, meta ? el('span', { className: 'by', textContent: ' (' + meta + ')' }) : null]);
    }

    // placeQuote replaces the quote's box with its paragraph, the quote marked, from the
    // first source whose text holds it.
    function placeQuote(box, quote, sources) {
      var tries = sources.map(function (id) {
        return data.text(id).then(function (src) { return { id: id, src: src }; }, function () { return { id: id, src: null }; });
      });
      Promise.all(tries).then(function (got) {
        var withText = got.filter(function (g) { return g.src && g.src.text; });
        for (var i = 0; i < withText.length; i++) {
          var at = locate(withText[i].src.text, quote);
          if (at) {
            clearChildren(box);
            box.appendChild(el('blockquote', null, [at.before, el('mark', { textContent: at.match }), at.after]));
            var src = state.sources[withText[i].id] || withText[i].src;
            box.appendChild(el('div', { className: 'where', textContent: 'in ' + (src.path || 'the text') + ' of ' + (src.title || withText[i].id) }));
            return;
          }
        }
        box.appendChild(el('div', { className: 'where', textContent: withText.length ? 'not found in the source text' : 'the source text is not at hand' }));
      });
    }

    // thread shows the claim's thread: from the claim at its root, each counterclaim nested
    // under what it counters; then what the item supports and what supports it.
    function thread(item) {
      var wrap = el('div');
      wrap.appendChild(el('h3', { textContent: 'Thread' }));
      var root = item, seen = {};
      while (root.counters && root.counters.length && state.items[root.counters[0]] && !seen[root.id]) {
        seen[root.id] = true;
        root = state.items[root.counters[0]];
      }
      var countered = {};
      Object.keys(state.items).forEach(function (id) {
        (state.items[id].counters || []).forEach(function (t) { (countered[t] = countered[t] || []).push(id); });
      });
      var drawn = {};
      function entry(it) {
        drawn[it.id] = true;
        var by = (it.fields || []).filter(function (f) { return f.name === 'by'; })[0];
        var li = el('li', { className: it.kind + (it.id === item.id ? ' current' : '') }, [
          el('span', { className: 'says', textContent: it.label }),
          el('span', { className: 'by', textContent: (it.kind === 'counterclaim' ? 'counterclaim' : 'claim') + (by ? ' by ' + labelOf(by.ids[0]) : '') })
        ]);
        li.dataset.id = it.id;
        li.addEventListener('click', function (ev) { ev.stopPropagation(); if (it.id !== item.id) choose(it.id); });
        var kids = (countered[it.id] || []).filter(function (k) { return !drawn[k] && state.items[k]; }).sort();
        if (kids.length) li.appendChild(el('ul', null, kids.map(function (k) { return entry(state.items[k]); })));
        return li;
      }
      wrap.appendChild(el('ul', { className: 'thread' }, [entry(root)]));
      var supports = item.supports || [];
      var supportedBy = Object.keys(state.items).filter(function (id) { return (state.items[id].supports || []).indexOf(item.id) >= 0; }).sort();
      if (supports.length) wrap.appendChild(el('p', null, ['Supports: '].concat(supports.map(refButton))));
      if (supportedBy.length) wrap.appendChild(el('p', null, ['Supported by: '].concat(supportedBy.map(refButton))));
      return wrap;
    }

    function openEdge(edge, a) {
      var body = $('panel-body');
      showPanel(true);
      clearChildren(body);
      var ends = graph.extremities(edge);
      body.dataset.id = edge;
      body.appendChild(el('h2', { textContent: a.label }));
      body.appendChild(el('p', null, [refButton(ends[0]), ' \u2192 ', refButton(ends[1])]));
      if (a.fields) body.appendChild(fieldsList(a.fields));
      if (a.sources) {
        body.appendChild(el('h3', { textContent: 'Sources' }));
        body.appendChild(el('ul', null, a.sources.map(sourceEntry)));
      }
    }

    return { open: openPanel, openEdge: openEdge, show: showPanel, labelOf: labelOf };
  };
})();
