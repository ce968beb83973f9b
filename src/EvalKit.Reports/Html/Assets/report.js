// EvalKit report page script. A constant file: it is never built from data, and the page's CSP allows only it.
// It reads the JSON data block and renders the case drill-down with textContent only (never innerHTML).
(function () {
  "use strict";
  var PAGE_SIZE = 50;
  var LABELS = ["correct", "incorrect", "refused", "abstained", "biased", "unknown", "error"];
  var root = document.documentElement;
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var table = document.getElementById("drill-table");
  var controls = {
    suite: document.getElementById("f-suite"),
    label: document.getElementById("f-label"),
    tag: document.getElementById("f-tag"),
    disagree: document.getElementById("f-disagree"),
    text: document.getElementById("f-text")
  };
  var state = { suite: 0, label: "", tag: "", disagree: false, text: "", flip: "", page: 0 };

  function node(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function options(select, first, values) {
    select.replaceChildren(node("option", first));
    select.firstChild.value = "";
    values.forEach(function (v) {
      var o = node("option", v);
      o.value = v;
      select.appendChild(o);
    });
  }

  function flipCases(suite) {
    if (!state.flip) return null;
    var parts = state.flip.split("-");
    var flip = data.flips[Number(parts[0])];
    if (!flip || flip.suite !== suite.id) return null;
    return new Set(parts[1] === "baseline" ? flip.onlyBaseline : flip.onlyCandidate);
  }

  function filtered(suite) {
    var cases = flipCases(suite);
    var text = state.text.toLowerCase();
    return suite.rows.filter(function (r) {
      if (cases && !cases.has(r[0])) return false;
      if (state.disagree && !r[5]) return false;
      if (state.tag && r[3].indexOf(state.tag) < 0) return false;
      if (state.label && !r[4].some(function (a) { return a && a[0] === state.label; })) return false;
      if (text && r[0].toLowerCase().indexOf(text) < 0 &&
          !r[4].some(function (a) { return a && a[1].toLowerCase().indexOf(text) >= 0; })) return false;
      return true;
    });
  }

  function row(r) {
    var tr = node("tr", null, r[5] ? "disagree" : "");
    var id = node("td");
    id.appendChild(node("div", r[0] + (r[1] ? " (repeat " + r[1] + ")" : ""), "case-id"));
    r[3].forEach(function (t) { id.appendChild(node("span", t, "tag")); });
    tr.appendChild(id);
    var prompt = node("td");
    prompt.appendChild(node("div", r[2], "text prompt"));
    tr.appendChild(prompt);
    r[4].forEach(function (a) {
      var td = node("td");
      if (!a) {
        td.textContent = "–";
      } else {
        td.appendChild(node("span", a[0], "label " + (LABELS.indexOf(a[0]) >= 0 ? a[0] : "other")));
        td.appendChild(node("div", a[1], "text answer"));
        if (a[2]) td.appendChild(node("div", a[2], "reason"));
      }
      tr.appendChild(td);
    });
    return tr;
  }

  function render() {
    var suite = data.suites[state.suite];
    if (!suite) return;
    var list = filtered(suite);
    var pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    state.page = Math.max(0, Math.min(state.page, pages - 1));
    var head = node("tr");
    ["case", "prompt"].concat(data.models).forEach(function (h) { head.appendChild(node("th", h)); });
    table.tHead.replaceChildren(head);
    var body = table.tBodies[0];
    body.replaceChildren();
    list.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE).forEach(function (r) { body.appendChild(row(r)); });
    document.getElementById("p-info").textContent = "page " + (state.page + 1) + " of " + pages;
    document.getElementById("drill-status").textContent = list.length + " of " + suite.rows.length + " cases in " + suite.id +
      (state.flip ? " (flip-table cell)" : "") + " match the filters.";
    root.setAttribute("data-drill-suite", suite.id);
    root.setAttribute("data-drill-matches", String(list.length));
  }

  function selectSuite(index) {
    state.suite = index;
    var suite = data.suites[index];
    options(controls.label, "any label", suite.labels);
    options(controls.tag, "any tag", suite.tags);
  }

  function syncControls() {
    controls.suite.value = String(state.suite);
    controls.label.value = state.label;
    controls.tag.value = state.tag;
    controls.disagree.checked = state.disagree;
    controls.text.value = state.text;
  }

  function writeHash() {
    var p = new URLSearchParams();
    p.set("suite", data.suites[state.suite].id);
    if (state.label) p.set("label", state.label);
    if (state.tag) p.set("tag", state.tag);
    if (state.disagree) p.set("disagree", "1");
    if (state.text) p.set("q", state.text);
    if (state.flip) p.set("flip", state.flip);
    if (state.page) p.set("page", String(state.page + 1));
    history.replaceState(null, "", "#" + p.toString());
  }

  // Filters can come from the URL hash, e.g. #suite=demo-accuracy&label=incorrect&disagree=1 (or filter=incorrect).
  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (!p.has("suite") && !p.has("label") && !p.has("filter") && !p.has("flip")) return false;
    var index = data.suites.findIndex(function (s) { return s.id === p.get("suite"); });
    selectSuite(index >= 0 ? index : state.suite);
    state.label = p.get("label") || p.get("filter") || "";
    state.tag = p.get("tag") || "";
    state.disagree = p.get("disagree") === "1";
    state.text = p.get("q") || "";
    state.flip = p.get("flip") || "";
    state.page = Math.max(0, Number(p.get("page") || "1") - 1);
    syncControls();
    return true;
  }

  function changed() {
    state.label = controls.label.value;
    state.tag = controls.tag.value;
    state.disagree = controls.disagree.checked;
    state.text = controls.text.value;
    state.flip = "";
    state.page = 0;
    writeHash();
    render();
  }

  if (data.suites.length > 0) {
    data.suites.forEach(function (s, i) {
      var o = node("option", s.id + " (" + s.rows.length + ")");
      o.value = String(i);
      controls.suite.appendChild(o);
    });
    selectSuite(0);
    var linked = readHash();
    syncControls();
    render();
    if (linked) document.getElementById("drilldown").scrollIntoView();
    controls.suite.addEventListener("change", function () { selectSuite(Number(controls.suite.value)); changed(); });
    ["label", "tag", "disagree"].forEach(function (k) { controls[k].addEventListener("change", changed); });
    controls.text.addEventListener("input", changed);
    document.getElementById("f-clear").addEventListener("click", function () {
      state.label = state.tag = state.text = state.flip = "";
      state.disagree = false;
      syncControls();
      changed();
    });
    document.getElementById("p-prev").addEventListener("click", function () { state.page--; writeHash(); render(); });
    document.getElementById("p-next").addEventListener("click", function () { state.page++; writeHash(); render(); });
    window.addEventListener("hashchange", function () {
      if (readHash()) { render(); document.getElementById("drilldown").scrollIntoView(); }
    });
  }
  root.setAttribute("data-report-ready", "yes");

  // Tests put payloads in the data that would set this global if they ever ran; the page reports whether one did.
  function checkInjection() { root.setAttribute("data-injected", window.__evalkitInjected ? "yes" : "no"); }
  checkInjection();
  window.addEventListener("load", function () { setTimeout(checkInjection, 200); });
})();
