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

  var U = window.factgraphUtil;
  var el = U.el, clearChildren = U.clearChildren, short = U.short, shapeIcon = U.shapeIcon, lineIcon = U.lineIcon;
  var data = window.factgraphData(boot);

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
    edgeProgramClasses: { arrow: programs.EdgeArrowProgram, dashed: programs.EdgeDashedArrowProgram },
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
      s.appendChild(document.createTextNode('; ' + state.view.omitted + ' more links of ' + panel.labelOf(state.view.focus) + ' '));
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
      // Parties and agreements, what every view is about, are always named when their
      // labels fit apart (the layout chose them); the others, and claims and duties with
      // their long labels, when there is room.
      forceLabel: !!n.labelled,
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

  // spreadParallel gives the edges between one pair of nodes offsets that lay them side by
  // side, 3 units apart, the same side whichever way each goes.
  function spreadParallel() {
    var pairs = {};
    graph.forEachEdge(function (e, a, from, to) {
      var key = from < to ? from + '\u0000' + to : to + '\u0000' + from;
      (pairs[key] = pairs[key] || []).push(e);
    });
    Object.keys(pairs).forEach(function (key) {
      var es = pairs[key].sort();
      es.forEach(function (e, i) {
        var off = (i - (es.length - 1) / 2) * 3;
        var ends = graph.extremities(e);
        graph.setEdgeAttribute(e, 'offset', ends[0] < ends[1] ? off : -off);
      });
    });
  }

  function draw(view) {
    stopLayout();
    setHovered(null);
    graph.clear();
    state.view = view;
    view.nodes.forEach(function (n) { graph.addNode(n.id, nodeAttributes(n)); });
    view.edges.forEach(addEdge);
    spreadParallel();
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
      panel.open(id);
      centre(id);
      return;
    }
    if (boot.mode === 'serve') {
      showView(state.view ? state.view.name : boot.view, id).then(function () {
        if (graph.hasNode(id)) { centre(id); panel.open(id); }
      });
      return;
    }
    panel.open(id, 'Not drawn in the ' + (state.view ? state.view.name : '') + ' view.');
  }

  function centre(id) {
    var d = renderer.getNodeDisplayData(id);
    if (!d) return;
    state.selected = id;
    var camera = renderer.getCamera();
    camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, 0.5) }, { duration: 300 });
    renderer.refresh({ skipIndexation: true });
  }

  // ---- the side panel (web/panel.js) ----

  var panel = window.factgraphPanel({
    boot: boot, state: state, graph: graph, renderer: renderer, data: data, choose: choose, expand: expand
  });

  renderer.on('clickNode', function (e) { state.selected = e.node; panel.open(e.node); renderer.refresh({ skipIndexation: true }); });
  renderer.on('clickEdge', function (e) {
    var a = graph.getEdgeAttributes(e.edge);
    if (a.item) panel.open(a.item);
    else panel.openEdge(e.edge, a);
  });
  renderer.on('doubleClickNode', function (e) {
    if (data.expand) { e.preventSigmaDefault(); expand(e.node); }
  });
  $('close').addEventListener('click', function () { state.selected = null; panel.show(false); });

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
    spreadParallel();
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
  window.factgraph = { graph: graph, renderer: renderer, state: state, ready: false, locate: U.locate };
  showView(boot.view, boot.focus).then(function () {
    window.factgraph.ready = true;
    window.factgraph.readyAt = performance.now();
    document.body.dataset.ready = 'true';
  });
})();
