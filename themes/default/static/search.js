// Search for council's static index (the format is described in src/search/mod.rs; the
// query's terms are made exactly as src/search/tokens.rs makes them). No framework, no
// WASM: the page works without this file, which only answers the form.
(function () {
  'use strict';
  function get(path, binary) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ' ' + r.status);
        return binary ? r.arrayBuffer() : r.json();
      });
    }
    return cache[path];
  }

  function metadata() {
    if (inline && inline !== 'null') {
      try { return Promise.resolve(JSON.parse(inline)); } catch (e) { inline = null; }
    }
    return get('meta.json');
  }

  function isHan(n) {
    return n === 0x3007 || (n >= 0x3400 && n <= 0x4DBF) || (n >= 0x4E00 && n <= 0x9FFF) ||
      (n >= 0xF900 && n <= 0xFAFF) || (n >= 0x20000 && n <= 0x323AF);
  }

  function uniq(a) {
    return a.filter(function (x, i) { return a.indexOf(x) === i; });
  }

  // Han runs: a lone character, or the pairs that cover the run; ASCII words: prefixes.
  function query(text) {
    var terms = [], prefixes = [], han = [], word = '';
    function endHan() {
      if (han.length === 1) terms.push(han[0]);
      for (var i = 0; i + 1 < han.length; i += 2) terms.push(han[i] + han[i + 1]);
      if (han.length > 1 && han.length % 2) terms.push(han[han.length - 2] + han[han.length - 1]);
      han = [];
    }
    function endWord() {
      if (word) prefixes.push(word);
      word = '';
    }
    Array.from(text + ' ').forEach(function (c) {
      var n = c.codePointAt(0);
      if (n >= 0xFF01 && n <= 0xFF5E) { n -= 0xFEE0; c = String.fromCharCode(n); }
      if (n >= 65 && n <= 90) { n += 32; c = String.fromCharCode(n); }
      if (isHan(n)) { endWord(); han.push(c); return; }
      endHan();
      if ((n >= 48 && n <= 57) || (n >= 97 && n <= 122)) word += c; else endWord();
    });
    return { terms: uniq(terms), prefixes: uniq(prefixes) };
  }

  function fnv(s) {
    var b = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
    return h;
  }

  // The postings of the terms of a shard that `want` accepts.
  function scan(buffer, want) {
    var b = new Uint8Array(buffer), at = 0, dec = new TextDecoder(), out = [];
    function leb() {
      var v = 0, m = 1, x;
      do { x = b[at++]; v += (x & 0x7f) * m; m *= 128; } while (x & 0x80);
      return v;
    }
    for (var n = leb(); n > 0; n--) {
      var len = leb(), term = dec.decode(b.subarray(at, at + len));
      at += len;
      var head = leb(), end = at + Math.floor(head / 2);
      if (want(term)) {
        var ids = [];
        if (head & 1) {
          for (var i = at; i < end; i++) {
            for (var bit = 0; bit < 8; bit++) if (b[i] & (1 << bit)) ids.push((i - at) * 8 + bit);
          }
        } else {
          for (var last = 0, first = true; at < end; first = false) {
            last = first ? leb() : last + leb();
            ids.push(last);
          }
        }
        out.push(ids);
      }
      at = end;
    }
    return out;
  }

  function union(lists) {
    var all = [].concat.apply([], lists).sort(function (a, b) { return a - b; });
    return all.filter(function (x, i) { return i === 0 || all[i - 1] !== x; });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  // Under node (the tests), the functions that must agree with src/search/.
  if (typeof document === 'undefined') {
    module.exports = { query: query, fnv: fnv, scan: scan };
    return;
  }
  var form = document.getElementById('search-form');
  if (!form || !window.fetch || !window.TextEncoder || !window.Promise) return;
  var input = form.querySelector('input[name=q]');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var T = JSON.parse(document.getElementById('search-strings').textContent);
  var base = form.getAttribute('data-index');
  var home = form.getAttribute('data-home');
  var lang = form.getAttribute('data-lang');
  // The index's shape is in the page (one round trip less); meta.json says the same.
  var inline = form.getAttribute('data-meta');
  var PAGE = 20;
  var cache = {};
  var found = [];
  var shown = 0;
  var run = 0;

  function longdate(d) {
    var p = d.split('-'), y = +p[0], m = +p[1], day = +p[2];
    if (lang.lastIndexOf('zh', 0) === 0) return y + '年' + m + '月' + day + '日';
    return day + ' ' + T.search.months.split(' ')[m - 1] + ' ' + y;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function item(row, groups) {
    var li = el('li');
    var title = el('p', 'matter-title');
    var a = el('a', '', row[1]);
    a.href = home + row[0];
    title.appendChild(a);
    li.appendChild(title);
    var meta = el('p', 'meta');
    meta.appendChild(el('span', 'kind', T.search.kinds[row[2]] || row[2]));
    if (row[4]) meta.appendChild(el('span', 'badge state-' + row[4], T.state[row[4]] || row[4]));
    if (row[3] !== null) meta.appendChild(el('span', '', groups[row[3]]));
    if (row[5]) {
      var t = el('time', '', longdate(row[5]));
      t.setAttribute('datetime', row[5]);
      meta.appendChild(t);
    }
    li.appendChild(meta);
    return li;
  }

  function showMore(meta, mine) {
    var ids = found.slice(shown, shown + PAGE);
    shown += ids.length;
    var chunks = uniq(ids.map(function (id) { return Math.floor(id / meta.chunk); }));
    var jobs = [get('d/' + lang + '/g.json')].concat(chunks.map(function (c) {
      return get('d/' + lang + '/' + c + '.json');
    }));
    return Promise.all(jobs).then(function (r) {
      if (mine !== run) return;
      ids.forEach(function (id) {
        var rows = r[1 + chunks.indexOf(Math.floor(id / meta.chunk))];
        list.appendChild(item(rows[id % meta.chunk], r[0]));
      });
      more.hidden = shown >= found.length;
      list.setAttribute('aria-busy', 'false');
      if (performance.mark) performance.mark('first-result');
    });
  }

  function search(text) {
    var q = query(text), mine = ++run;
    list.textContent = '';
    more.hidden = true;
    found = [];
    shown = 0;
    if (!q.terms.length && !q.prefixes.length) { status.textContent = ''; return; }
    status.textContent = T.search.searching;
    list.setAttribute('aria-busy', 'true');
    var meta;
    // The newest documents' table and the groups are needed for any result: fetch them
    // while the shards come.
    get('d/' + lang + '/g.json');
    get('d/' + lang + '/0.json');
    metadata().then(function (m) {
      if (m.version !== 1) throw new Error('index version ' + m.version);
      meta = m;
      var shard = function (key) { return 'p/' + (fnv(key) % m.shards) + '.bin'; };
      return Promise.all(q.terms.map(function (t) {
        return get(shard(t), true).then(function (buf) {
          return scan(buf, function (x) { return x === t; })[0] || [];
        });
      }).concat(q.prefixes.map(function (p) {
        return get(shard(Array.from(p).slice(0, 2).join('')), true).then(function (buf) {
          return union(scan(buf, function (x) { return x.lastIndexOf(p, 0) === 0; }));
        });
      })));
    }).then(function (sets) {
      if (mine !== run) return;
      sets.sort(function (a, b) { return a.length - b.length; });
      found = sets.reduce(intersect);
      status.textContent = found.length ? T.search.found.replace('{n}', found.length) : T.search.none;
      return showMore(meta, mine);
    }).catch(function () {
      if (mine !== run) return;
      status.textContent = T.search.error;
      list.setAttribute('aria-busy', 'false');
    });
    more.onclick = function () { metadata().then(function (m) { showMore(m, run); }); };
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value.trim();
    history.replaceState(null, '', text ? '?q=' + encodeURIComponent(text) : location.pathname);
    search(text);
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    search(q);
  }
}());
