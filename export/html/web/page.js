// factgraph's page: draws a view of the graph with sigma.js, and offers search, filters, a
// time slider and a side panel with every field of an item and its quotes in their source
// text. Data comes inlined (a file page) or from the server that sent the page (factgraph
// serve): see export/html/data.go for its shape. Every text of the facts goes into the
// document as text (textContent, createTextNode), never as markup.
(function () {
  'use strict';

  var boot = JSON.parse(document.getElementById('fg-data').textContent);
  var programs = window.factgraphPrograms;
  var $ = function (id) { return document.getElementById(id); };

  // ---- small helpers ----

  // el makes an element; props are set as properties (never innerHTML), children appended
  // (strings as text nodes).
  function el(tag, props, children) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'dataset') Object.assign(e.dataset, props[k]);
        else e[k] = props[k];
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  }

  function clearChildren(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  function short(s, n) {
    s = String(s || '');
    return s.length > n ? s.slice(0, n - 1) + '\u2026' : s;
  }

  function foldName(s) { return String(s || '').toLowerCase().split(/\s+/).filter(Boolean).join(' '); }

  // fold makes text comparable the way the validator compares quotes (ingest/quote.go):
  // runs of white space become one space, typographic quotes become plain, the ends are
  // trimmed. offs[i] is the index in s of the character folded[i] comes from.
  var SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$/;
  var PLAIN = {
    '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u2039': "'", '\u203A': "'",
    '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"'
  };
  function fold(s) {
    var out = '', offs = [], space = false;
    for (var i = 0; i < s.length;) {
      var ch = String.fromCodePoint(s.codePointAt(i));
      if (SPACE.test(ch)) { space = true; i += ch.length; continue; }
      if (space && out.length > 0) { out += ' '; offs.push(i - 1); }
      space = false;
      var r = PLAIN[ch] || ch;
      for (var k = 0; k < r.length; k++) offs.push(i);
      out += r;
      i += ch.length;
    }
    return { text: out, offs: offs };
  }

  // locate finds quote in text as the validator does and returns the paragraphs (lines) it
  // stands in, with the quote's place in them, or null.
  function locate(text, quote) {
    var ft = fold(text), fq = fold(quote).text;
    if (!fq) return null;
    var at = ft.text.indexOf(fq);
    if (at < 0) return null;
    var start = ft.offs[at];
    var lastFrom = ft.offs[at + fq.length - 1];
    var end = lastFrom + String.fromCodePoint(text.codePointAt(lastFrom)).length;
    var pStart = text.lastIndexOf('\n', start - 1) + 1;
    var pEnd = text.indexOf('\n', end);
    if (pEnd < 0) pEnd = text.length;
    return { before: text.slice(pStart, start), match: text.slice(start, end), after: text.slice(end, pEnd) };
  }

  // ---- where the data comes from ----

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

  var data = boot.mode === 'serve' ? serveData() : fileData();

  // ---- state and the drawing ----

  var state = {
    view: null,
    items: {},
    sources: {},
    kinds: {},
    statuses: {},
    source: '',
    year: null,
    hovered: null,
    near: null,
    selected: null,
    visibleNodes: new Set(),
    visibleEdges: new Set(),
    layout: null
  };
  boot.style.nodes.forEach(function (s) { state.kinds[s.kind] = true; });
  boot.style.statuses.forEach(function (s) { state.statuses[s.kind] = true; });
  if (boot.mode !== 'serve') {
    state.items = boot.items || {};
    state.sources = boot.sources || {};
  }

  var graph = new window.graphology.MultiDirectedGraph();
  var renderer = new window.Sigma(graph, $('graph'), {
    nodeProgramClasses: { shape: programs.NodeShapeProgram },
    edgeProgramClasses: { arrow: window.Sigma.rendering.EdgeArrowProgram, dashed: programs.EdgeDashedArrowProgram },
    defaultNodeType: 'shape',
    defaultEdgeType: 'arrow',
    enableEdgeEvents: true,
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 7,
    labelDensity: 0.6,
    labelFont: 'system-ui, sans-serif',
    zIndex: true,
    nodeReducer: nodeReducer,
    edgeReducer: edgeReducer
  });

  // The drawing follows the size of its box, which changes when the side panel opens.
  new ResizeObserver(function () { renderer.resize(); renderer.refresh({ skipIndexation: true }); }).observe($('graph'));

  function nodeReducer(node, attrs) {
    var res = Object.assign({}, attrs);
    if (!state.visibleNodes.has(node)) { res.hidden = true; return res; }
    if (state.hovered && node !== state.hovered && !state.near.has(node)) {
      res.color = '#e4e4e4';
      res.label = '';
      res.zIndex = 0;
    } else if (state.hovered) {
      res.zIndex = 2;
      res.forceLabel = true;
    }
    if (node === state.selected) { res.highlighted = true; res.zIndex = 3; res.forceLabel = true; }
    return res;
  }

  function edgeReducer(edge, attrs) {
    var res = Object.assign({}, attrs);
    if (!state.visibleEdges.has(edge)) { res.hidden = true; return res; }
    if (state.hovered) {
      var ends = graph.extremities(edge);
      if (ends[0] !== state.hovered && ends[1] !== state.hovered) res.color = '#efefef';
      else res.size = (attrs.size || 1) * 2;
    }
    return res;
  }

  function inYear(a) {
    if (state.year === null) return true;
    return (!a.from || a.from <= state.year) && (!a.until || a.until > state.year);
  }

  function nodeShown(node, a) {
    if (!state.kinds[a.kind]) return false;
    if (a.status && state.statuses[a.status] === false) return false;
    if (state.source && (a.sources || []).indexOf(state.source) < 0) return false;
    return inYear(a);
  }

  function edgeShown(edge, a) {
    var ends = graph.extremities(edge);
    if (!state.visibleNodes.has(ends[0]) || !state.visibleNodes.has(ends[1])) return false;
    if (a.status && state.statuses[a.status] === false) return false;
    if (state.source && a.sources && a.sources.indexOf(state.source) < 0) return false;
    return inYear(a);
  }

  // applyFilters works out what is shown, once, for the reducers and the status line.
  function applyFilters() {
    state.visibleNodes = new Set();
    graph.forEachNode(function (n, a) { if (nodeShown(n, a)) state.visibleNodes.add(n); });
    state.visibleEdges = new Set();
    graph.forEachEdge(function (e, a) { if (edgeShown(e, a)) state.visibleEdges.add(e); });
    if (state.hovered && !state.visibleNodes.has(state.hovered)) setHovered(null);
    renderer.refresh({ skipIndexation: true });
    updateStatus();
  }

  function updateStatus(message, isError) {
    var s = $('status');
    s.dataset.nodes = String(state.visibleNodes.size);
    s.dataset.edges = String(state.visibleEdges.size);
    s.dataset.view = state.view ? state.view.name : '';
    s.classList.toggle('error', !!isError);
    var line = state.visibleNodes.size + ' of ' + graph.order + ' nodes, ' + state.visibleEdges.size + ' of ' + graph.size + ' edges';
    clearChildren(s);
    if (message) { s.textContent = message; return; }
    s.appendChild(document.createTextNode(line));
    if (state.view && state.view.truncated) {
      s.appendChild(document.createTextNode('; ' + state.view.omitted + ' more links of ' + labelOf(state.view.focus) + ' '));
      var b = el('button', { type: 'button', id: 'more', textContent: 'show more' });
      b.addEventListener('click', more);
      s.appendChild(b);
    }
  }

  function fail(err) {
    updateStatus(String(err && err.message || err), true);
  }

  function nodeAttributes(n) {
    return {
      x: n.x, y: n.y, size: n.size, color: n.color, shape: n.shape,
      label: short(n.label, 48), fullLabel: n.label, kind: n.kind, itemType: n.type || '',
      status: n.status || '', sources: n.sources || [], from: n.from || 0, until: n.until || 0,
      // Parties and agreements, what every view is about, are always named; claims and
      // duties, with their long labels, when there is room.
      forceLabel: n.kind === 'party' || n.kind === 'agreement',
      type: 'shape'
    };
  }

  function edgeAttributes(e) {
    return {
      label: e.label || e.kind, kind: e.kind, color: e.color, size: e.dashed ? 1.5 : 1.2,
      type: e.dashed ? 'dashed' : 'arrow', status: e.status || '', item: e.item || '',
      sources: e.sources || null, from: e.from || 0, until: e.until || 0, fields: e.fields || null
    };
  }

  function addEdge(e) {
    if (graph.hasEdge(e.id) || !graph.hasNode(e.from) || !graph.hasNode(e.to)) return;
    graph.addDirectedEdgeWithKey(e.id, e.from, e.to, edgeAttributes(e));
  }

  function draw(view) {
    stopLayout();
    setHovered(null);
    graph.clear();
    state.view = view;
    view.nodes.forEach(function (n) { graph.addNode(n.id, nodeAttributes(n)); });
    view.edges.forEach(addEdge);
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    fillSources();
    updateYears();
    applyFilters();
    markView(view.name);
  }

  // ---- views ----

  function markView(name) {
    Array.prototype.forEach.call($('views').children, function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.view === name));
    });
  }

  function showView(name, focus) {
    updateStatus('loading the ' + name + ' view\u2026');
    return data.view(name, { focus: focus || boot.focus, depth: boot.depth }).then(function (v) {
      if (!v) throw new Error('the ' + name + ' view does not hold the focus of this page');
      draw(v);
      showNote(v.note || boot.note || '');
      if (v.focus && graph.hasNode(v.focus)) centre(v.focus);
      return v;
    }).catch(fail);
  }

  function showNote(text) {
    $('note').hidden = !text;
    $('note').textContent = text;
  }

  boot.style.views.forEach(function (name) {
    var b = el('button', { type: 'button', textContent: name, dataset: { view: name } });
    if (boot.mode !== 'serve' && !boot.views[name]) {
      b.disabled = true;
      b.title = 'This view does not hold the focus of the page';
    }
    b.addEventListener('click', function () { showView(name, state.view && state.view.focus || boot.focus); });
    $('views').appendChild(b);
  });

  // ---- legend and filters ----

  var SVG = 'http://www.w3.org/2000/svg';
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function shapeIcon(shape, color) {
    var s = svgEl('svg', { width: 22, height: 16, viewBox: '0 0 22 16', 'aria-hidden': 'true' });
    var st = { fill: color, stroke: '#333', 'stroke-width': 1 };
    var add = function (tag, a) { s.appendChild(svgEl(tag, Object.assign({}, st, a))); };
    switch (shape) {
      case 'box': add('rect', { x: 2, y: 3, width: 18, height: 10 }); break;
      case 'hexagon': add('polygon', { points: '6,2 16,2 20.5,8 16,14 6,14 1.5,8' }); break;
      case 'component':
        add('rect', { x: 5, y: 3, width: 15, height: 10 });
        add('rect', { x: 2, y: 4.5, width: 6, height: 2.5 });
        add('rect', { x: 2, y: 9, width: 6, height: 2.5 });
        break;
      case 'note': add('polygon', { points: '3,2 15,2 19,6 19,14 3,14' }); break;
      default: add('ellipse', { cx: 11, cy: 8, rx: 9, ry: 6 });
    }
    return s;
  }

  function lineIcon(color, dashed) {
    var s = svgEl('svg', { width: 22, height: 16, viewBox: '0 0 22 16', 'aria-hidden': 'true' });
    var a = { x1: 1, y1: 8, x2: 16, y2: 8, stroke: color, 'stroke-width': 2 };
    if (dashed) a['stroke-dasharray'] = '4 3';
    s.appendChild(svgEl('line', a));
    s.appendChild(svgEl('polygon', { points: '15,4 21,8 15,12', fill: color }));
    return s;
  }

  function legendRow(list, icon, label, onToggle) {
    var children = [icon, label];
    if (onToggle) {
      var box = el('input', { type: 'checkbox', checked: true });
      box.addEventListener('change', function () { onToggle(box.checked); });
      list.appendChild(el('li', null, [el('label', null, [box].concat(children))]));
    } else {
      list.appendChild(el('li', null, children));
    }
  }

  boot.style.nodes.forEach(function (s) {
    legendRow($('legend-nodes'), shapeIcon(s.shape, s.color), s.kind, function (on) { state.kinds[s.kind] = on; applyFilters(); });
  });
  boot.style.statuses.forEach(function (s) {
    legendRow($('legend-statuses'), lineIcon(s.color, s.dashed), s.kind, function (on) { state.statuses[s.kind] = on; applyFilters(); });
  });
  boot.style.edges.forEach(function (s) {
    legendRow($('legend-edges'), lineIcon(s.color, s.dashed), s.kind === 'other' ? 'roles, relations' : s.kind, null);
  });

  function fillSources() {
    var seen = {};
    graph.forEachNode(function (n, a) { (a.sources || []).forEach(function (s) { seen[s] = true; }); });
    var ids = Object.keys(seen).sort();
    var sel = $('source');
    while (sel.options.length > 1) sel.remove(1);
    ids.forEach(function (id) {
      var src = state.sources[id];
      sel.appendChild(el('option', { value: id, textContent: short(src && src.title || id, 60) }));
    });
    if (ids.indexOf(state.source) < 0) state.source = '';
    sel.value = state.source;
    $('source-filter').hidden = ids.length < 2;
  }
  $('source').addEventListener('change', function () { state.source = $('source').value; applyFilters(); });

  // The time slider runs over the years the drawn items name; its last step, a year past
  // them, shows every year.
  var slider = $('year');
  function yearLabel() {
    $('year-label').textContent = state.year === null ? 'every year' : 'the end of ' + state.year;
  }
  function updateYears() {
    var lo = 0, hi = 0;
    var see = function (y) {
      if (!y) return;
      if (!lo || y < lo) lo = y;
      if (y > hi) hi = y;
    };
    graph.forEachNode(function (n, a) { see(a.from); see(a.until); });
    graph.forEachEdge(function (e, a) { see(a.from); see(a.until); });
    $('time').hidden = !lo;
    if (!lo) { state.year = null; return; }
    slider.min = String(lo);
    slider.max = String(hi + 1);
    if (state.year === null || state.year > hi) { state.year = null; slider.value = slider.max; }
    else if (state.year < lo) { state.year = lo; slider.value = String(lo); }
    else slider.value = String(state.year);
    yearLabel();
  }
  slider.addEventListener('input', function () {
    var y = Number(slider.value);
    state.year = y >= Number(slider.max) ? null : y;
    yearLabel();
    applyFilters();
  });

  // ---- hover ----

  function setHovered(node) {
    state.hovered = node;
    state.near = new Set();
    if (node && graph.hasNode(node)) graph.forEachNeighbor(node, function (m) { state.near.add(m); });
  }
  renderer.on('enterNode', function (e) { setHovered(e.node); renderer.refresh({ skipIndexation: true }); });
  renderer.on('leaveNode', function () { setHovered(null); renderer.refresh({ skipIndexation: true }); });

  // ---- search ----

  var search = $('search'), list = $('suggestions');
  var suggestions = [], active = -1, asked = 0;

  function showSuggestions(results) {
    suggestions = results;
    active = results.length ? 0 : -1;
    clearChildren(list);
    results.forEach(function (r, i) {
      var style = boot.style.nodes.filter(function (s) { return s.kind === r.kind; })[0] || { shape: 'ellipse', color: '#ddd' };
      var li = el('li', { role: 'option', id: 'suggestion-' + i }, [
        shapeIcon(style.shape, style.color),
        el('span', { className: 'label', textContent: short(r.label, 80) }),
        r.how ? el('span', { className: 'match', textContent: r.how + ': ' + r.match }) : null
      ]);
      li.dataset.id = r.id;
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(r.id); });
      list.appendChild(li);
    });
    list.hidden = results.length === 0;
    search.setAttribute('aria-expanded', String(!list.hidden));
    markActive();
  }

  function markActive() {
    Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute('aria-selected', String(i === active)); });
    if (active >= 0) search.setAttribute('aria-activedescendant', 'suggestion-' + active);
  }

  search.addEventListener('input', function () {
    var q = search.value, n = ++asked;
    data.search(q).then(function (res) { if (n === asked) showSuggestions(res); }).catch(fail);
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' && suggestions.length) { active = (active + 1) % suggestions.length; markActive(); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' && suggestions.length) { active = (active - 1 + suggestions.length) % suggestions.length; markActive(); ev.preventDefault(); }
    else if (ev.key === 'Enter' && active >= 0) { choose(suggestions[active].id); ev.preventDefault(); }
    else if (ev.key === 'Escape') { showSuggestions([]); }
  });
  search.addEventListener('blur', function () { setTimeout(function () { showSuggestions([]); }, 100); });

  // choose shows the item id: centred and opened when drawn; otherwise, served, the view
  // around it; in a file, its details alone.
  function choose(id) {
    showSuggestions([]);
    if (graph.hasNode(id)) {
      openPanel(id);
      centre(id);
      return;
    }
    if (boot.mode === 'serve') {
      showView(state.view ? state.view.name : boot.view, id).then(function () {
        if (graph.hasNode(id)) { centre(id); openPanel(id); }
      });
      return;
    }
    openPanel(id, 'Not drawn in the ' + (state.view ? state.view.name : '') + ' view.');
  }

  function centre(id) {
    var d = renderer.getNodeDisplayData(id);
    if (!d) return;
    state.selected = id;
    var camera = renderer.getCamera();
    camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, 0.5) }, { duration: 300 });
    renderer.refresh({ skipIndexation: true });
  }

  // ---- the side panel ----

  renderer.on('clickNode', function (e) { state.selected = e.node; openPanel(e.node); renderer.refresh({ skipIndexation: true }); });
  renderer.on('clickEdge', function (e) {
    var a = graph.getEdgeAttributes(e.edge);
    if (a.item) openPanel(a.item);
    else openEdge(e.edge, a);
  });
  renderer.on('doubleClickNode', function (e) {
    if (data.expand) { e.preventSigmaDefault(); expand(e.node); }
  });
  $('close').addEventListener('click', function () { state.selected = null; showPanel(false); });

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

  // ---- expanding, served ----

  function expand(id) {
    if (!data.expand) return;
    updateStatus('reading the neighbours of ' + id + '\u2026');
    data.expand(state.view.name, id).then(function (v) { merge(v, id); }).catch(fail);
  }

  // more reads the next page of the links of the view's focus.
  function more() {
    var v = state.view;
    if (!v || !v.focus) return;
    var page = (v.page || 0) + 1;
    updateStatus('reading more links of ' + v.focus + '\u2026');
    data.view(v.name, { focus: v.focus, depth: boot.depth, page: page }).then(function (next) {
      v.page = page;
      v.truncated = next.truncated;
      v.omitted = next.omitted;
      merge(next, v.focus);
    }).catch(fail);
  }

  // merge adds the nodes and edges of v that are not drawn yet, the new nodes on a circle
  // around the node id.
  function merge(v, id) {
    var at = graph.hasNode(id) ? graph.getNodeAttributes(id) : { x: 0, y: 0 };
    var fresh = v.nodes.filter(function (n) { return !graph.hasNode(n.id); });
    var r = 0.15 * Math.max(1, spread());
    fresh.forEach(function (n, i) {
      var a = 2 * Math.PI * i / fresh.length;
      var attrs = nodeAttributes(n);
      attrs.x = at.x + r * Math.cos(a);
      attrs.y = at.y + r * Math.sin(a);
      graph.addNode(n.id, attrs);
    });
    v.edges.forEach(addEdge);
    fillSources();
    updateYears();
    applyFilters();
  }

  function spread() {
    var xs = [], ys = [];
    graph.forEachNode(function (n, a) { xs.push(a.x); ys.push(a.y); });
    if (!xs.length) return 1;
    return Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs), Math.max.apply(null, ys) - Math.min.apply(null, ys));
  }

  // ---- layout ----

  function requireModule(name) {
    var defs = window.factgraphModules, cache = requireModule.cache = requireModule.cache || {};
    if (cache[name]) return cache[name].exports;
    var def = defs[name];
    if (!def) throw new Error('no module ' + name);
    var module = { exports: {} };
    cache[name] = module;
    var dir = name.slice(0, name.lastIndexOf('/') + 1);
    def(module, module.exports, function (dep) {
      var path = dep.indexOf('./') === 0 ? dir + dep.slice(2) : dep;
      if (!/\.js$/.test(path)) path += '.js';
      return requireModule(path);
    });
    return module.exports;
  }

  var layoutTimer = null;
  function stopLayout() {
    if (state.layout) { state.layout.kill(); state.layout = null; }
    if (layoutTimer) { clearTimeout(layoutTimer); layoutTimer = null; }
    $('layout').textContent = 'Re-run layout';
  }
  $('layout').addEventListener('click', function () {
    if (state.layout) { stopLayout(); return; }
    if (!graph.order) return;
    var FA2 = requireModule('graphology-layout-forceatlas2/worker.js');
    state.layout = new FA2(graph, {
      settings: { barnesHutOptimize: graph.order > 300, gravity: 1, scalingRatio: 8, slowDown: 1 + Math.log(graph.order), adjustSizes: false }
    });
    state.layout.start();
    $('layout').textContent = 'Stop layout';
    layoutTimer = setTimeout(stopLayout, 5000);
  });

  // ---- start ----

  $('title').textContent = boot.title;
  window.factgraph = { graph: graph, renderer: renderer, state: state, ready: false, locate: locate };
  showView(boot.view, boot.focus).then(function () {
    window.factgraph.ready = true;
    window.factgraph.readyAt = performance.now();
    document.body.dataset.ready = 'true';
  });
})();
