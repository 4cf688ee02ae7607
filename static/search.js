// The search page's script: it reads search/manifest.json, then one shard
// per word of the query (see internal/search, whose folding it repeats).
// Text is only ever set as text, never parsed as HTML.
(() => {
"use strict";
let form = document.getElementById("search-form");
if (!form) return;
let input = form.elements.q;
let status = document.getElementById("search-status");
let list = document.getElementById("search-results");
// The script is at the site's root, under whatever sub-path.
let base = new URL(".", document.currentScript.src);
let archive = list.getAttribute("data-archive");
let archiveText = list.getAttribute("data-archive-text");
let months = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];
let manifest = null;
let cache = new Map();
let runs = 0;
let timer = 0;

function load(file) {
  if (!cache.has(file)) {
    cache.set(file, fetch(new URL("search/" + file, base)).then((r) => {
      if (!r.ok) throw new Error(file + ": " + r.status);
      return r.json();
    }));
  }
  return cache.get(file);
}

function fold(w) {
  w = w.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return Array.from(w).length >= 5 && /(yy|yi|iy|ii)$/.test(w) ? w.slice(0, -2) + "y" : w;
}

function words(text) {
  let out = [];
  for (let m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    let t = fold(m[0]);
    if (t && (Array.from(t).length > 1 || /^[0-9]/.test(t))) {
      out.push({ term: t, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

// A query is words and quoted phrases; a last word still being typed is
// a prefix.
function parse(q) {
  let units = [];
  let re = /"([^"]*)"?|[^\s"]+/g;
  let m;
  while ((m = re.exec(q))) {
    let ws = words(m[1] !== undefined ? m[1] : m[0]).map((w) => w.term);
    if (ws.length) units.push({ words: ws, phrase: m[1] !== undefined && ws.length > 1 });
  }
  let last = units[units.length - 1];
  if (last && !last.phrase && /[\p{L}\p{N}\p{M}]$/u.test(q)) last.prefix = true;
  return units;
}

function shardOf(w) {
  let cs = Array.from(w);
  let p = "";
  for (let i = 0; ; i++) {
    let next = manifest.split[p];
    if (next === undefined) return { prefix: p, leaf: true };
    if (i === cs.length) return p ? { prefix: p, leaf: false } : null;
    if (Array.from(next).indexOf(cs[i]) < 0) return null;
    p += cs[i];
  }
}

function fileOf(prefix) {
  return "s/" + Array.from(prefix).map((c) => {
    return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
  }).join("") + ".json";
}

// postings maps each story naming w (or a word starting so) to its
// best posting.
function postings(w, prefix) {
  let at = shardOf(w);
  if (!at) return Promise.resolve(new Map());
  return load(fileOf(at.prefix)).then((sh) => {
    let found = [];
    let add = (ps) => { ps.forEach((p) => { found.push(p); }); };
    if (!prefix) add(sh.t[w] || []);
    else {
      Object.keys(sh.t).forEach((k) => { if (k.startsWith(w)) add(sh.t[k]); });
      if (sh.p) add(sh.p);
    }
    let out = new Map();
    found.forEach((p) => {
      let d = sh.d[p[0]];
      let have = out.get(d[0]);
      if (!have || p[1] > have.tier) {
        out.set(d[0], { doc: d, tier: p[1], pos: p[2], snip: p[3] });
      }
    });
    return out;
  });
}

// A phrase's words must stand one after the other.
function unit(u) {
  return Promise.all(u.words.map((w, i) => {
    return postings(w, u.prefix && i === u.words.length - 1);
  })).then((maps) => {
    let out = new Map();
    maps[0].forEach((first, path) => {
      let ps = maps.map((m) => m.get(path));
      if (ps.some((p) => !p)) return;
      if (u.phrase && !first.pos.some((at) => {
        return ps.every((p, i) => p.pos.indexOf(at + i) >= 0);
      })) return;
      let best = ps.reduce((a, b) => b.tier > a.tier ? b : a);
      out.set(path, { doc: first.doc, tier: Math.min.apply(null, ps.map((p) => p.tier)), snip: best.snip });
    });
    return out;
  });
}

// Stories matching every unit, best tiers first, then newest.
function search(units) {
  return Promise.all(units.map(unit)).then((maps) => {
    let results = [];
    maps[0].forEach((r, path) => {
      let all = maps.map((m) => m.get(path));
      if (all.some((x) => !x)) return;
      results.push({
        doc: r.doc,
        score: all.reduce((s, x) => s + x.tier, 0),
        snip: all.map((x) => x.snip).filter(Boolean)[0] || ""
      });
    });
    return results.sort((a, b) => {
      return b.score - a.score || (a.doc[1] < b.doc[1] ? 1 : a.doc[1] > b.doc[1] ? -1 : 0);
    });
  });
}

function marked(el, text, units) {
  let match = (t) => {
    return units.some((u) => {
      return u.words.some((w, i) => {
        return t === w || (u.prefix && i === u.words.length - 1 && t.startsWith(w));
      });
    });
  };
  let at = 0;
  words(text).forEach((w) => {
    if (!match(w.term)) return;
    el.append(text.slice(at, w.start));
    let m = document.createElement("mark");
    m.textContent = text.slice(w.start, w.end);
    el.append(m);
    at = w.end;
  });
  el.append(text.slice(at));
  return el;
}

function node(tag, cls) {
  let el = document.createElement(tag);
  if (cls) el.className = cls;
  return el;
}

function date(iso) {
  let p = iso.split("-");
  return +p[2] + " " + months[+p[1] - 1] + " " + p[0];
}

function show(results, units) {
  list.textContent = "";
  results.forEach((r) => {
    let li = node("li", "search-result");
    let h = node("h2", "search-title");
    let a = node("a");
    a.href = new URL(r.doc[0], base).pathname;
    h.append(marked(a, r.doc[2], units));
    li.append(h);
    if (r.doc[1]) {
      let t = node("time");
      t.dateTime = r.doc[1];
      t.textContent = date(r.doc[1]);
      let meta = node("p", "meta");
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
  let a = node("a");
  a.href = archive;
  a.textContent = archiveText;
  status.append(a);
}

function run() {
  clearTimeout(timer);
  let q = input.value;
  let url = new URL(location.href);
  if (q.trim()) url.searchParams.set("q", q);
  else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  let units = parse(q);
  let me = ++runs;
  if (!units.length) {
    list.textContent = "";
    status.textContent = "";
    return;
  }
  load("manifest.json").then((m) => {
    manifest = m;
    return search(units);
  }).then((results) => {
    if (me === runs) {
      show(results, units);
      list.setAttribute("data-query", q);
    }
  }, () => {
    if (me === runs) status.textContent = "Search is not available right now.";
  });
}

function links() { return Array.from(list.querySelectorAll("a")); }

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 120);
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  run();
});
form.parentNode.addEventListener("keydown", (e) => {
  let all = links();
  let i = all.indexOf(document.activeElement);
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
