/* Bookroom Desk's published catalogue: no server, no network; data files are scripts loaded on demand.
   Every value from the data is put on the page as text (textContent), never as HTML. */
(function () {
  "use strict";

  // A title's fields in the data files (catalogue_site.py's record()).
  var F_TITLE = 0, F_AUTHOR = 1, F_PUBLISHER = 2, F_YEAR = 3, F_ISBN = 4, F_CALL = 5, F_CLASS = 6, F_TOPIC = 7,
      F_SHELF = 8, F_ON_SHELF = 9, F_HELD = 10, F_KEY = 11, F_KEY_PARTS = 12, F_ARRIVED = 13;
  var PAGE = 50;

  var TEXT = {
    zh: {
      title: "书目", placeholder: "书名、作者、ISBN、拼音首字母", searchLabel: "搜索",
      tabNew: "新书", tabClasses: "分类", tabTopics: "五类重点", other: "English", otherShort: "EN",
      stamp: "{date} 发布，在架册数为发布时的情况", counts: "共 {titles} 种 {copies} 册，在架 {onShelf} 册",
      loading: "正在载入书目……{done}/{total}", found: "找到 {n} 种", none: "没有找到符合“{q}”的图书。",
      newHead: "最近 {days} 天的新书（{n} 种）", newNone: "最近 {days} 天没有新到的图书。",
      inClass: "{name}：{n} 种", more: "显示更多", call: "索书号", shelf: "书架",
      onShelf: "在架 {n} 册 · 共 {held} 册", allOut: "暂无在架 · 共 {held} 册", arrived: "到馆 {date}",
      emptyRoom: "这个书屋还没有可公开的藏书。", missing: "书目数据没有找到：请把发布的整个文件夹一起复制。",
      loadFailed: "有一部分书目数据没有载入（{file}），结果可能不全。",
      foot: "本页由职工书屋管理台生成，只含藏书信息，不含读者信息。", classesHead: "中图法分类", topicsHead: "五类重点图书",
      unclassified: "未分类", titlesN: "{n} 种"
    },
    en: {
      title: "Catalogue", placeholder: "Title, author, ISBN, pinyin initials", searchLabel: "Search",
      tabNew: "New", tabClasses: "Classes", tabTopics: "Five kinds", other: "中文", otherShort: "中文",
      stamp: "Published {date}; shelf counts as of then", counts: "{titles} titles, {copies} copies, {onShelf} on the shelf",
      loading: "Loading the catalogue… {done}/{total}", found: "{n} titles found", none: "No book matches “{q}”.",
      newHead: "New in the last {days} days ({n} titles)", newNone: "No new books in the last {days} days.",
      inClass: "{name}: {n} titles", more: "Show more", call: "Call number", shelf: "Shelf",
      onShelf: "{n} of {held} on the shelf", allOut: "None of {held} on the shelf", arrived: "Arrived {date}",
      emptyRoom: "This reading room has no books to show yet.",
      missing: "The catalogue's data was not found: copy the whole published folder together.",
      loadFailed: "Part of the catalogue did not load ({file}); results may be incomplete.",
      foot: "Made by Bookroom Desk. It holds the books only, nothing about readers.", classesHead: "CLC classes",
      topicsHead: "The five priority kinds", unclassified: "Unclassified", titlesN: "{n} titles"
    }
  };
  var TOPICS_EN = {politics: "Political education", skills: "Skills", labour_law: "Labour relations and law",
    culture: "Workers' culture", social_science: "Social sciences and culture", other: "Other"};

  var lang = /[?&]lang=en\b/.test(location.search) || /[#&]lang=en\b/.test(location.hash) ? "en" : "zh";
  var front = null;
  var shards = [];        // n -> rows, once loaded
  var hays = [];          // n -> the search text of each row
  var waiting = {};       // n -> [resolve, ...]
  var failed = {};
  var view = {kind: "new", value: null, rows: [], shown: 0, query: ""};
  var searchTimer = 0;
  var token = 0;

  function $(id) { return document.getElementById(id); }
  function t(key, params) {
    var s = TEXT[lang][key];
    if (params) {
      for (var k in params) {
        var v = typeof params[k] === "number" ? params[k].toLocaleString(lang === "en" ? "en-US" : "zh-CN") : params[k];
        s = s.split("{" + k + "}").join(String(v));
      }
    }
    return s;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function pad(n) { return ("00" + n).slice(-3); }

  // ---- the query, folded as the desk folds it (services/catalogue/search.py: _fold and words) ----
  var INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
  var CONTROL = /\p{C}/gu;
  var ISBN_LIKE = /^[0-9Xx\-\s]{10,17}$/;
  function words(query) {
    var folded = String(query || "").normalize("NFKC").replace(INVISIBLE, "").toLowerCase().trim();
    folded = folded.replace(/\|/g, " ").replace(CONTROL, " ");
    if (ISBN_LIKE.test(folded)) { return [folded.replace(/[\s\-]/g, "").toLowerCase()]; }
    return folded.split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  // ---- data files ----
  // The desk's search text of a row: the key, after the title, author and publisher it was saved without.
  function hay(r) {
    var flags = r[F_KEY_PARTS], parts = [];
    if (flags & 1) { parts.push(r[F_TITLE]); }
    if (flags & 2) { parts.push(r[F_AUTHOR]); }
    if (flags & 4) { parts.push(r[F_PUBLISHER]); }
    if (r[F_KEY]) { parts.push(r[F_KEY]); }
    return parts.join("\n");
  }
  window.bookroomHay = function (r) { return hay(r); };

  window.bookroomShard = function (n, rows) {
    shards[n] = rows;
    hays[n] = rows.map(hay);
    var list = waiting[n] || [];
    delete waiting[n];
    list.forEach(function (resolve) { resolve(); });
  };
  function loadShard(n) {
    return new Promise(function (resolve) {
      if (shards[n] || failed[n]) { resolve(); return; }
      if (waiting[n]) { waiting[n].push(resolve); return; }
      waiting[n] = [resolve];
      var s = document.createElement("script");
      s.src = "data/shard-" + pad(n) + ".js";
      s.onerror = function () {
        failed[n] = s.src;
        var list = waiting[n] || [];
        delete waiting[n];
        list.forEach(function (r) { r(); });
      };
      document.body.appendChild(s);
    });
  }
  function loadShards(list, onStep) {
    var done = 0, next = 0, total = list.length;
    return new Promise(function (resolve) {
      if (!total) { resolve(); return; }
      function more() {
        if (next >= total) { return; }
        var n = list[next++];
        loadShard(n).then(function () {
          done++;
          if (onStep) { onStep(done, total); }
          if (done === total) { resolve(); } else { more(); }
        });
      }
      for (var i = 0; i < 4; i++) { more(); }
    });
  }
  function allShards() { return front.shards.map(function (s) { return s.n; }); }
  window.bookroomLoadAll = function () { return loadShards(allShards()); };

  // ---- searching and browsing ----
  function search(query) {
    var terms = words(query), found = [];
    if (!terms.length) { return found; }
    for (var n = 0; n < shards.length; n++) {
      var rows = shards[n], hay = hays[n];
      if (!rows) { continue; }
      for (var i = 0; i < rows.length; i++) {
        var h = hay[i], ok = true;
        for (var w = 0; w < terms.length; w++) { if (h.indexOf(terms[w]) < 0) { ok = false; break; } }
        if (ok) { found.push(rows[i]); }
      }
    }
    return found;
  }
  // For tests and benchmarks: the titles matching, with the time the search itself took (data loaded).
  window.bookroomSearch = function (query) {
    var start = performance.now();
    var rows = search(query);
    return {count: rows.length, ms: performance.now() - start,
      titles: rows.slice(0, 200).map(function (r) { return r[F_TITLE]; })};
  };
  window.bookroomWords = words;
  // For benchmarks: the first ``size`` characters of a title in the middle of the loaded data.
  window.bookroomSample = function (size) {
    var loaded = shards.filter(function (rows) { return rows && rows.length; });
    if (!loaded.length) { return ""; }
    var rows = loaded[Math.floor(loaded.length / 2)];
    return rows[Math.floor(rows.length / 2)][F_TITLE].slice(0, size);
  };

  function filtered(test) {
    var found = [];
    for (var n = 0; n < shards.length; n++) {
      var rows = shards[n];
      if (!rows) { continue; }
      for (var i = 0; i < rows.length; i++) { if (test(rows[i])) { found.push(rows[i]); } }
    }
    return found;
  }

  function setStatus(text, empty) {
    var s = $("status");
    s.textContent = text || "";
    s.className = empty ? "status empty" : "status";
  }
  function progress(done, total) { setStatus(t("loading", {done: done, total: total})); }
  function failures() {
    var names = Object.keys(failed).map(function (n) { return failed[n].split("/").pop(); });
    return names.length ? " " + t("loadFailed", {file: names.join(", ")}) : "";
  }

  function runSearch(query) {
    var mine = ++token;
    view = {kind: "search", value: null, rows: [], shown: 0, query: query};
    markTabs();
    $("browse").textContent = "";
    if (!words(query).length) { showNew(); return; }
    var shown = 0;  // when what was found so far was last shown
    // While the data files load (the first search on a slow phone), what is found so far is shown.
    loadShards(allShards(), function (d, n) {
      if (mine !== token || d >= n) { return; }
      var now = Date.now();
      if (now - shown >= 400) {
        shown = now;
        view.rows = search(query);
        render(true);
      }
      setStatus((shown ? t("found", {n: view.rows.length}) + " · " : "") + t("loading", {done: d, total: n}));
    }).then(function () {
      if (mine !== token) { return; }
      var rows = search(query);
      view.rows = rows;
      setStatus((rows.length ? t("found", {n: rows.length}) : t("none", {q: query.trim()})) + failures());
      render(true);
    });
  }

  function showNew() {
    token++;
    view = {kind: "new", value: null, rows: [], shown: 0, query: ""};
    markTabs();
    $("browse").textContent = "";
    if (!front.titles) { setStatus(t("emptyRoom"), true); render(true); return; }
    view.rows = front.newBooks;
    setStatus(view.rows.length ? t("newHead", {days: front.newDays, n: view.rows.length})
                               : t("newNone", {days: front.newDays}));
    render(true);
  }

  function className(c) { return c[0] === "_" ? t("unclassified") : (lang === "en" ? c[2] : c[1]); }
  function topicName(i) { return lang === "en" ? (TOPICS_EN[front.topics[i]] || front.topicNames[i]) : front.topicNames[i]; }

  function showGrid(kind) {
    token++;
    view = {kind: kind, value: null, rows: [], shown: 0, query: ""};
    markTabs();
    $("results").textContent = "";
    $("more").hidden = true;
    if (!front.titles) { setStatus(t("emptyRoom"), true); $("browse").textContent = ""; return; }
    setStatus(kind === "classes" ? t("classesHead") : t("topicsHead"));
    drawGrid();
  }
  function drawGrid() {
    var box = $("browse"), grid = el("ul", "grid");
    box.textContent = "";
    var items = view.kind === "classes"
      ? front.classes.filter(function (c) { return c[0] !== "_" || c[3] > 0; }).map(function (c) {
          return {value: c[0], code: c[0] === "_" ? "" : c[0], name: className(c), n: c[3]};
        })
      : front.topics.map(function (key, i) { return {value: i, code: "", name: topicName(i), n: front.topicCounts[i]}; })
          .filter(function (x) { return front.topics[x.value] !== "other" || x.n > 0; });
    items.forEach(function (item) {
      var li = el("li"), b = el("button");
      b.type = "button";
      if (item.code) { b.appendChild(el("span", "code", item.code)); }
      b.appendChild(document.createTextNode(item.name));
      b.appendChild(el("span", "n", t("titlesN", {n: item.n})));
      b.disabled = item.n === 0;
      if (view.value === item.value) { b.className = "on"; }
      b.addEventListener("click", function () { browse(view.kind, item.value, item.name); });
      li.appendChild(b);
      grid.appendChild(li);
    });
    box.appendChild(grid);
  }
  function browse(kind, value, name) {
    var mine = ++token;
    view.value = value;
    drawGrid();
    var list = front.shards.filter(function (s) {
      return kind === "classes" ? s.classes.indexOf(value) >= 0 : s.topics.indexOf(value) >= 0;
    }).map(function (s) { return s.n; });
    loadShards(list, function (d, n) { if (mine === token && d < n) { progress(d, n); } }).then(function () {
      if (mine !== token) { return; }
      var want = kind === "classes" ? (value === "_" ? "" : value) : value;
      view.rows = filtered(function (r) { return (kind === "classes" ? r[F_CLASS] : r[F_TOPIC]) === want; });
      setStatus(t("inClass", {name: name, n: view.rows.length}) + failures());
      render(true);
    });
  }

  function card(r) {
    var li = el("li", "book");
    li.appendChild(el("h2", null, r[F_TITLE]));
    var by = [r[F_AUTHOR], r[F_PUBLISHER], r[F_YEAR] || ""].filter(function (x) { return x; }).join(" · ");
    if (by) { li.appendChild(el("p", "by", by)); }
    var where = el("p", "where");
    if (r[F_CALL]) {
      var c = el("span", null, t("call") + (lang === "en" ? " " : " "));
      c.appendChild(el("b", "call", r[F_CALL]));
      where.appendChild(c);
    }
    var shelf = r[F_SHELF] >= 0 ? front.shelves[r[F_SHELF]] : "";
    if (shelf) {
      var s = el("span", null, t("shelf") + " ");
      s.appendChild(el("b", null, shelf));
      where.appendChild(s);
    }
    var on = r[F_ON_SHELF];
    var a = el("span", on > 0 ? "avail yes" : "avail no",
      on > 0 ? t("onShelf", {n: on, held: r[F_HELD]}) : t("allOut", {held: r[F_HELD]}));
    a.setAttribute("data-on-shelf", String(on));
    where.appendChild(a);
    li.appendChild(where);
    if (r[F_ARRIVED]) { li.appendChild(el("p", "date", t("arrived", {date: r[F_ARRIVED]}))); }
    if (r[F_ISBN]) { li.setAttribute("data-isbn", r[F_ISBN]); }
    return li;
  }
  function render(fresh) {
    var list = $("results");
    if (fresh) { list.textContent = ""; view.shown = 0; }
    var end = Math.min(view.rows.length, view.shown + PAGE);
    var frag = document.createDocumentFragment();
    for (var i = view.shown; i < end; i++) { frag.appendChild(card(view.rows[i])); }
    list.appendChild(frag);
    view.shown = end;
    $("more").hidden = view.shown >= view.rows.length;
  }

  function markTabs() {
    var buttons = $("tabs").querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      b.className = b.getAttribute("data-view") === view.kind ? "on" : "";
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    var room = front && front.room ? front.room : "";
    var head = room ? room + (lang === "en" ? " — " : " · ") + t("title") : (lang === "en" ? t("title") : "职工书屋书目");
    document.title = head;
    $("room").textContent = head;
    $("lang").textContent = t("otherShort");
    $("lang").setAttribute("aria-label", t("other"));
    $("q").placeholder = t("placeholder");
    $("q").setAttribute("aria-label", t("searchLabel"));
    var tabs = $("tabs").querySelectorAll("button");
    tabs[0].textContent = t("tabNew");
    tabs[1].textContent = t("tabClasses");
    tabs[2].textContent = t("tabTopics");
    $("more").textContent = t("more");
    if (front) {
      $("stamp").textContent = t("stamp", {date: front.date}) + (front.titles ? "\n" +
        t("counts", {titles: front.titles, copies: front.copies, onShelf: front.onShelf}) : "");
      $("foot").textContent = t("foot") + (front.url ? " " + front.url : "");
    }
  }
  function redraw() {
    applyLanguage();
    if (!front) { return; }
    if (view.kind === "search") { runSearch(view.query); }
    else if (view.kind === "new") { showNew(); }
    else {
      var kind = view.kind, value = view.value;
      showGrid(kind);
      if (value !== null) {
        var name = kind === "classes"
          ? className(front.classes.filter(function (c) { return c[0] === value; })[0]) : topicName(value);
        browse(kind, value, name);
      }
    }
  }

  window.bookroomMissing = function () { setStatus(t("missing"), true); };

  window.bookroomFront = function (data) {
    front = data;
    applyLanguage();
    $("search").addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(searchTimer);
      runSearch($("q").value);
      $("q").blur();
    });
    $("q").addEventListener("input", function () {
      clearTimeout(searchTimer);
      var q = $("q").value;
      searchTimer = setTimeout(function () { runSearch(q); }, 250);
    });
    $("tabs").addEventListener("click", function (e) {
      var v = e.target.getAttribute && e.target.getAttribute("data-view");
      if (!v) { return; }
      $("q").value = "";
      if (v === "new") { showNew(); } else { showGrid(v); }
    });
    $("more").addEventListener("click", function () { render(false); });
    $("lang").addEventListener("click", function () {
      lang = lang === "en" ? "zh" : "en";
      try { history.replaceState(null, "", lang === "en" ? "?lang=en" : location.pathname); } catch (e) { /* file: */ }
      redraw();
    });
    showNew();
    document.documentElement.setAttribute("data-ready", "1");
  };
  applyLanguage();
})();
