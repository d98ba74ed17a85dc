// Helpers of factgraph's page (web/page.js): elements built from text, never from markup;
// quotes found in a source text as the validator finds them; the legend's icons.
(function () {
  'use strict';


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

  window.factgraphUtil = {
    el: el, clearChildren: clearChildren, short: short, foldName: foldName, fold: fold, locate: locate,
    shapeIcon: shapeIcon, lineIcon: lineIcon
  };
})();
