// Search for the search page (search/index.html). It reads the index that
// digest build writes under search/: the manifest, then one shard for each
// word of the query. Every text it shows is set with textContent, never
// parsed as HTML. Words are folded as internal/search folds them.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = form.elements.q;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  // The site's base URL is where this script is: it is served at the
  // site's root, whatever the sub-path the site is published under.
  var base = new URL(".", document.currentScript.src);
  var archive = list.getAttribute("data-archive");
  var archiveText = list.getAttribute("data-archive-text");
  var months = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var manifest = null;
  var cache = new Map();
  var runs = 0;
  var timer = 0;

  function load(file) {
    if (!cache.has(file)) {
      cache.set(file, fetch(new URL("search/" + file, base)).then(function (r) {
        if (!r.ok) throw new Error(file + ": " + r.status);
        return r.json();
      }));
    }
    return cache.get(file);
  }

  function fold(w) {
    w = w.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    return w.length >= 5 && /(yy|yi|iy|ii)$/.test(w) ? w.slice(0, -2) + "y" : w;
  }

  // words returns the folded words of text with where each stands.
  function words(text) {
    var out = [];
    for (var m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      var t = fold(m[0]);
      if (t && (Array.from(t).length > 1 || /^[0-9]/.test(t))) {
        out.push({ term: t, start: m.index, end: m.index + m[0].length });
      }
    }
    return out;
  }

  // parse splits a query into units: single words and quoted phrases. The
  // last word, if the query does not end after it, matches as a prefix.
  function parse(q) {
    var units = [];
    var re = /"([^"]*)"?|[^\s"]+/g;
    var m;
    while ((m = re.exec(q))) {
      var ws = words(m[1] !== undefined ? m[1] : m[0]).map(function (w) { return w.term; });
      if (ws.length) units.push({ words: ws, phrase: m[1] !== undefined && ws.length > 1 });
    }
    var last = units[units.length - 1];
    if (last && !last.phrase && /[\p{L}\p{N}\p{M}]$/u.test(q)) last.prefix = true;
    return units;
  }

  // shardOf finds the shard of the prefix w in the manifest's trie.
  function shardOf(w) {
    var cs = Array.from(w);
    var p = "";
    for (var i = 0; ; i++) {
      var next = manifest.split[p];
      if (next === undefined) return { prefix: p, leaf: true };
      if (i === cs.length) return p ? { prefix: p, leaf: false } : null;
      if (Array.from(next).indexOf(cs[i]) < 0) return null;
      p += cs[i];
    }
  }

  function fileOf(prefix) {
    return "s/" + Array.from(prefix).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("") + ".json";
  }

  // postings finds word w (as a prefix if prefix is set): a map from
  // story path to its best posting.
  function postings(w, prefix) {
    var at = shardOf(w);
    if (!at) return Promise.resolve(new Map());
    return load(fileOf(at.prefix)).then(function (sh) {
      var found = [];
      var add = function (ps) { ps.forEach(function (p) { found.push(p); }); };
      if (!prefix) add(sh.t[w] || []);
      else {
        Object.keys(sh.t).forEach(function (k) { if (k.startsWith(w)) add(sh.t[k]); });
        if (sh.p) add(sh.p);
      }
      var out = new Map();
      found.forEach(function (p) {
        var d = sh.d[p[0]];
        var have = out.get(d[0]);
        if (!have || p[1] > have.tier) {
          out.set(d[0], { doc: d, tier: p[1], pos: p[2], snip: p[3] });
        }
      });
      return out;
    });
  }

  // unit finds the stories of one unit: a word, or a phrase whose words
  // stand one after the other.
  function unit(u) {
    return Promise.all(u.words.map(function (w, i) {
      return postings(w, u.prefix && i === u.words.length - 1);
    })).then(function (maps) {
      var out = new Map();
      maps[0].forEach(function (first, path) {
        var ps = maps.map(function (m) { return m.get(path); });
        if (ps.some(function (p) { return !p; })) return;
        if (u.phrase && !first.pos.some(function (at) {
          return ps.every(function (p, i) { return p.pos.indexOf(at + i) >= 0; });
        })) return;
        var best = ps.reduce(function (a, b) { return b.tier > a.tier ? b : a; });
        out.set(path, { doc: first.doc, tier: Math.min.apply(null, ps.map(function (p) { return p.tier; })), snip: best.snip });
      });
      return out;
    });
  }

  // search returns the stories that match every unit, best first: by the
  // tiers their words stand in, then newest.
  function search(units) {
    return Promise.all(units.map(unit)).then(function (maps) {
      var results = [];
      maps[0].forEach(function (r, path) {
        var all = maps.map(function (m) { return m.get(path); });
        if (all.some(function (x) { return !x; })) return;
        results.push({
          doc: r.doc,
          score: all.reduce(function (s, x) { return s + x.tier; }, 0),
          snip: all.map(function (x) { return x.snip; }).filter(Boolean)[0] || ""
        });
      });
      return results.sort(function (a, b) {
        return b.score - a.score || (a.doc[1] < b.doc[1] ? 1 : a.doc[1] > b.doc[1] ? -1 : 0);
      });
    });
  }

  // marked returns el with text in it, the query's words in <mark>.
  function marked(el, text, units) {
    var match = function (t) {
      return units.some(function (u) {
        return u.words.some(function (w, i) {
          return t === w || (u.prefix && i === u.words.length - 1 && t.startsWith(w));
        });
      });
    };
    var at = 0;
    words(text).forEach(function (w) {
      if (!match(w.term)) return;
      el.append(text.slice(at, w.start));
      var m = document.createElement("mark");
      m.textContent = text.slice(w.start, w.end);
      el.append(m);
      at = w.end;
    });
    el.append(text.slice(at));
    return el;
  }

  function node(tag, cls) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    return el;
  }

  function date(iso) {
    var p = iso.split("-");
    return +p[2] + " " + months[+p[1] - 1] + " " + p[0];
  }

  function show(results, units) {
    list.textContent = "";
    results.forEach(function (r) {
      var li = node("li", "search-result");
      var h = node("h2", "search-title");
      var a = node("a");
      a.href = new URL(r.doc[0], base).pathname;
      h.append(marked(a, r.doc[2], units));
      li.append(h);
      if (r.doc[1]) {
        var t = node("time");
        t.dateTime = r.doc[1];
        t.textContent = date(r.doc[1]);
        var meta = node("p", "meta");
        meta.append(t);
        li.append(meta);
      }
      if (r.doc[3]) li.append(marked(node("p", "dek"), r.doc[3], units));
      if (r.snip) li.append(marked(node("p", "search-snippet"), r.snip, units));
      list.append(li);
    });
    status.textContent = "";
    if (results.length) {
      status.textContent = results.length + (results.length === 1 ? " story matches" : " stories match");
      return;
    }
    status.append("No stories match. ");
    var a = node("a");
    a.href = archive;
    a.textContent = archiveText;
    status.append(a);
  }

  function run() {
    clearTimeout(timer);
    var q = input.value;
    var url = new URL(location.href);
    if (q.trim()) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    var units = parse(q);
    var me = ++runs;
    if (!units.length) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    load("manifest.json").then(function (m) {
      manifest = m;
      return search(units);
    }).then(function (results) {
      if (me === runs) show(results, units);
    }, function () {
      if (me === runs) status.textContent = "Search is not available right now.";
    });
  }

  function links() { return Array.from(list.querySelectorAll("a")); }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });
  form.parentNode.addEventListener("keydown", function (e) {
    var all = links();
    var i = all.indexOf(document.activeElement);
    if (e.key === "Escape") {
      input.value = "";
      run();
      input.focus();
    } else if (e.key === "ArrowDown" && i + 1 < all.length && (i >= 0 || e.target === input)) {
      all[i + 1].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      (i > 0 ? all[i - 1] : input).focus();
    } else return;
    e.preventDefault();
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  if (input.value) run();
})();
