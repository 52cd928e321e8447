"use strict";
// The page's behaviour. Every string from an article reaches the page through textContent (or an
// href checked to be http(s)), never as HTML.
const data = JSON.parse(document.getElementById("kg-data").textContent);
const $ = id => document.getElementById(id);
function el(tag, text, cls) { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }
document.getElementById("title").textContent = data.title;

// Each sentence is in data.sentences once; an evidence record names it by its index.
for (const e of data.edges) for (const ev of e.evidence) ev.sentence = data.sentences[ev.s];
const byId = new Map(data.nodes.map(n => [n.id, n]));
const edgeById = new Map(data.edges.map(e => [e.id, e]));
const incident = new Map(data.nodes.map(n => [n.id, []]));
for (const e of data.edges) { incident.get(e.from).push(e); if (e.to !== e.from) incident.get(e.to).push(e); }
const docs = data.docs || {};
const keep = new Set(data.keep || []);
const LABELLED = 15;  // in graphs of more than 40 entities, the most connected ones drawn are always labelled
const FONT = 14;

function webUrl(u) {
  if (typeof u !== "string" || !/^https?:\/\//i.test(u)) return null;
  try { const p = new URL(u); return p.protocol === "http:" || p.protocol === "https:" ? p.href : null; } catch (_) { return null; }
}
function source(ev) { const d = docs[ev.doc] || {}; return {title: d.title || ev.doc, url: webUrl(d.url)}; }
function sourceNode(ev) {
  const s = source(ev);
  if (!s.url) return el("span", s.title, "kg-source");
  const a = el("a", s.title, "kg-source"); a.href = s.url; a.target = "_blank"; a.rel = "noopener noreferrer"; return a;
}
function polarityWord(p) { return p === "positive" ? "asserted" : data.polarityWords[p]; }

for (const n of data.nodes) {
  const tip = el("div", null, "kg-tip"); tip.append(el("b", n.label), el("div", n.type, "kg-meta"));
  if (n.aliases.length) tip.append(el("div", "also: " + n.aliases.join(", ")));
  tip.append(el("div", "click for its facts and sources", "kg-meta"));
  n.title = tip;
}
for (const e of data.edges) {
  const tip = el("div", null, "kg-tip");
  tip.append(el("b", byId.get(e.from).label + " — " + e.label + " — " + byId.get(e.to).label));
  for (const ev of e.evidence) {
    const item = el("div", null, "kg-ev");
    item.append(el("q", ev.sentence));
    const meta = [source(ev).title, ev.date, "confidence " + ev.confidence];
    if (ev.polarity !== "positive") meta.push(polarityWord(ev.polarity));
    item.append(el("div", meta.filter(Boolean).join(" · "), "kg-meta"));
    tip.append(item);
  }
  e.title = tip;
}

// --- what is drawn -------------------------------------------------------------------------
const relationLabels = new Map(data.edges.map(e => [e.relation, e.relationLabel]));
const state = {
  types: new Set(data.legend.map(t => t.type)),
  relations: new Set(data.big ? data.core : relationLabels.keys()),
  unasserted: true, from: "", to: "", selected: null,
};
function evOk(ev) { return !ev.date || ((!state.from || ev.date >= state.from) && (!state.to || ev.date <= state.to)); }
function edgeOk(e) {
  return state.relations.has(e.relation) && (state.unasserted || e.asserted)
    && state.types.has(byId.get(e.from).type) && state.types.has(byId.get(e.to).type) && e.evidence.some(evOk);
}
let shownNodes = new Set(), shownEdges = new Set(), shownDegree = new Map();
function compute() {
  shownNodes = new Set(); shownEdges = new Set(); shownDegree = new Map();
  for (const e of data.edges) {
    if (!edgeOk(e)) continue;
    shownEdges.add(e.id);
    for (const n of [e.from, e.to]) { shownNodes.add(n); shownDegree.set(n, (shownDegree.get(n) || 0) + 1); }
  }
  for (const n of keep) if (byId.has(n) && state.types.has(byId.get(n).type)) shownNodes.add(n);
  if (state.selected) shownNodes.add(state.selected);
}
compute();

const nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
const nodeView = new vis.DataView(nodes, {filter: n => shownNodes.has(n.id)});
const edgeView = new vis.DataView(edges, {filter: e => shownEdges.has(e.id)});
const options = data.options;
options.nodes = {...options.nodes, scaling: {label: {drawThreshold: 9, maxVisible: 24}}};
options.edges = {...options.edges, scaling: {label: {drawThreshold: 7, maxVisible: 16}}};
const network = new vis.Network($("graph"), {nodes: nodeView, edges: edgeView}, options);
window.kgNetwork = network;
window.kgData = {nodes, edges, nodeView, edgeView};
window.kgShown = () => ({nodes: [...shownNodes], edges: [...shownEdges]});

// --- labels: the most connected entities always, the rest once zoomed in --------------------
let labelled = new Set();
function chooseTop() {
  if (shownNodes.size <= 40) return new Set(shownNodes);
  const ranked = [...shownNodes].sort((a, b) => (shownDegree.get(b) || 0) - (shownDegree.get(a) || 0) || byId.get(b).size - byId.get(a).size);
  return new Set(ranked.slice(0, LABELLED));
}
// A labelled entity's font grows in steps of √2 as the view zooms out, so that its label stays
// 11 to 16 pixels high on screen; the data changes only when the zoom crosses a step. Boxes hold
// their label inside and would grow with it: they keep theirs.
const fontSize = new Map(), MIN_SCREEN = 11;
function font(id) {
  if (!labelled.has(id) || byId.get(id).shape === "box") return FONT;
  const steps = Math.ceil(2 * Math.log2(MIN_SCREEN / (FONT * network.getScale())));
  return steps > 0 ? Math.round(FONT * Math.SQRT2 ** steps) : FONT;
}
function relabel(retop) {
  if (retop) labelled = chooseTop();
  const changes = [];
  for (const id of new Set([...fontSize.keys(), ...labelled])) {
    const size = font(id);
    if ((fontSize.get(id) || FONT) === size) continue;
    if (size === FONT) fontSize.delete(id); else fontSize.set(id, size);
    changes.push({id, font: {size}});
  }
  if (changes.length) nodes.update(changes);
}
network.on("zoom", () => relabel(false));
network.on("animationFinished", () => relabel(false));  // after focus and fit, which emit no zoom

// --- focus: the selected entity and its neighbours stay bright, the rest dims ----------------
// A veil is painted over the drawing and the neighbourhood drawn again on top of it: no data
// update, so it costs the same in a graph of 20 entities or of 5,000.
let near = null, nearEdges = null;
function dim() {
  if (!state.selected) { near = nearEdges = null; }
  else {
    near = new Set([state.selected]); nearEdges = [];
    for (const e of incident.get(state.selected)) if (shownEdges.has(e.id)) { near.add(e.from); near.add(e.to); nearEdges.push(e.id); }
  }
  network.body.emitter.emit("_requestRedraw");  // drawn at the next frame, once
}
network.on("afterDrawing", ctx => {
  if (!near) return;
  const frame = ctx.canvas, a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: frame.clientWidth, y: frame.clientHeight});
  ctx.save(); ctx.fillStyle = "rgba(255, 255, 255, 0.82)"; ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y); ctx.restore();
  const body = network.body, labels = [];
  for (const id of nearEdges) { const e = body.edges[id]; if (e && e.connected) { e.draw(ctx); e.drawArrows(ctx); } }
  for (const id of near) {
    const n = body.nodes[id];
    if (!n || !shownNodes.has(id)) continue;
    const drawn = n.draw(ctx);
    if (drawn && drawn.drawExternalLabel) labels.push(drawn.drawExternalLabel);
  }
  for (const label of labels) label();
});
window.kgFocus = () => (near ? [...near] : []);

function entityLink(id) {
  const n = byId.get(id);
  const b = el("button", n.label, "kg-link"); b.type = "button"; b.title = n.type;
  b.addEventListener("click", () => select(id, true));
  return b;
}
function evidenceItem(ev) {
  const item = el("div", null, "kg-ev");
  item.append(el("q", ev.sentence));
  const meta = el("div", null, "kg-meta");
  meta.append(sourceNode(ev), document.createTextNode(" · " + [ev.date || "undated", polarityWord(ev.polarity), "confidence " + ev.confidence].join(" · ")));
  item.append(meta);
  return item;
}
const SHOWN = 20;  // facts per relation and neighbours listed before a "show all" button
let expanded = new Set(), expandedFor = null;
function more(box, hidden, key) {
  const b = el("button", "show " + plural(hidden, "more", "more"), "kg-link"); b.type = "button";
  b.addEventListener("click", () => { expanded.add(key); renderDetails(state.selected); });
  box.append(b);
}
function renderDetails(id) {
  const n = byId.get(id), box = $("details");
  if (expandedFor !== id) { expanded = new Set(); expandedFor = id; }
  box.replaceChildren();
  const close = el("button", "×", "kg-close"); close.type = "button"; close.setAttribute("aria-label", "close the details");
  close.addEventListener("click", clearSelection);
  box.append(close, el("h2", n.label), el("div", n.type + (n.aliases.length ? " · also: " + n.aliases.join(", ") : ""), "kg-meta"));
  const positions = [...new Set(incident.get(id).filter(e => e.relation === "holds_position" && e.asserted && e.from === id).map(e => byId.get(e.to).label))];
  if (positions.length) box.append(el("div", "Positions: " + positions.join("; "), "kg-positions"));
  const facts = incident.get(id).filter(e => (state.unasserted || e.asserted) && e.evidence.some(evOk));
  const groups = new Map();
  for (const e of facts) { if (!groups.has(e.relationLabel)) groups.set(e.relationLabel, []); groups.get(e.relationLabel).push(e); }
  if (!facts.length) box.append(el("p", "No fact in the chosen dates.", "kg-meta"));
  for (const [label, list] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    box.append(el("h3", label + " (" + list.length + ")"));
    const all = expanded.has(label);
    for (const e of all ? list : list.slice(0, SHOWN)) {
      const other = e.from === id ? e.to : e.from;
      const fact = el("div", null, "kg-fact"), head = el("div");
      head.append(el("span", e.arrows === "" ? "— " : e.from === id ? "→ " : "← "), entityLink(other));
      if (!e.asserted) head.append(el("span", " (" + data.polarityWords[e.evidence[0].polarity] + ")", "kg-neg"));
      if (!shownEdges.has(e.id)) head.append(el("span", " not drawn", "kg-type"));
      fact.append(head);
      for (const ev of e.evidence) if (evOk(ev)) fact.append(evidenceItem(ev));
      box.append(fact);
    }
    if (!all && list.length > SHOWN) more(box, list.length - SHOWN, label);
  }
  const others = [...new Set(facts.map(e => e.from === id ? e.to : e.from))].filter(o => o !== id)
    .sort((a, b) => byId.get(a).label.localeCompare(byId.get(b).label));
  if (others.length) {
    box.append(el("h3", "Neighbours (" + others.length + ")"));
    const list = el("div", null, "kg-neighbours"), all = expanded.has("\u0000neighbours");
    (all ? others : others.slice(0, SHOWN * 5)).forEach((o, i) => { if (i) list.append(document.createTextNode(", ")); list.append(entityLink(o)); });
    box.append(list);
    if (!all && others.length > SHOWN * 5) more(box, others.length - SHOWN * 5, "\u0000neighbours");
  }
  if (box.hidden) { box.hidden = false; network.setSize("100%", "100%"); }
}
function select(id, move) {
  const n = byId.get(id);
  if (!n) return;
  const wasShown = shownNodes.has(id), typeShown = state.types.has(n.type);
  state.selected = id;
  if (!typeShown) { state.types.add(n.type); typeBoxes.get(n.type).checked = true; }
  if (!wasShown || !typeShown) refresh(true);
  network.selectNodes([id]);
  dim();
  renderDetails(id);
  if (move) network.focus(id, {scale: Math.max(network.getScale(), 1), animation: {duration: 300}});
  $("status").textContent = n.label + " (" + n.type + ")";
}
function clearSelection() {
  const id = state.selected;
  state.selected = null;
  $("details").hidden = true;
  network.setSize("100%", "100%");
  network.unselectAll();
  if (!keep.has(id) && !shownDegree.has(id)) refresh(false); else dim();
}
network.on("click", p => {  // a tap on a touch screen is a click
  if (p.nodes.length) select(p.nodes[0], false);
  else if (p.edges.length) select(edgeById.get(p.edges[0]).from, false);  // the fact is in its subject's details
  else if (state.selected) clearSelection();
});
document.addEventListener("keydown", ev => { if (ev.key === "Escape" && state.selected) clearSelection(); });

// --- counts ---------------------------------------------------------------------------------
const undated = data.edges.reduce((k, e) => k + e.evidence.filter(ev => !ev.date).length, 0);
function plural(k, one, many) { return k.toLocaleString("en") + " " + (k === 1 ? one : many); }
function updateCounts() {
  const c = data.counts, box = $("counts");
  box.replaceChildren();
  if (c.entities != null) {
    box.append(el("p", "The graph holds " + plural(c.entities, "entity", "entities") + " and " + plural(c.facts + c.unasserted, "fact", "facts")
      + " (" + c.facts + " asserted, " + c.unasserted + " denied, hypothetical or reported) from " + plural(c.statements, "statement", "statements") + "."));
  }
  box.append(el("p", "Drawn: " + plural(shownNodes.size, "entity", "entities") + ", " + plural(shownEdges.size, "fact", "facts") + "."));
  const why = [];
  if (c.factless) why.push(plural(c.factless, "entity is", "entities are") + " mentioned without any fact");
  const hiddenFacts = data.edges.length - shownEdges.size, hiddenNodes = data.nodes.length - shownNodes.size;
  if (hiddenFacts || hiddenNodes) why.push(plural(hiddenFacts, "fact", "facts") + " and " + plural(hiddenNodes, "entity", "entities") + " are hidden by the choices below");
  if (why.length) box.append(el("p", "Not drawn: " + why.join("; ") + ".", "kg-meta"));
}

// --- layout: filters re-run it ----------------------------------------------------------------
let ready = false, layouts = 0;
function fitView() {
  const ends = [...labelled].filter(id => shownNodes.has(id));
  if (shownNodes.size > 40 && ends.length) network.fit({nodes: ends, animation: false});
  else network.fit({animation: false});
  relabel(false);
}
function layout() {
  const size = shownNodes.size + shownEdges.size;
  network.setOptions({physics: {enabled: true}});
  // from the positions already found: a third of the opening's budget (~1 s of physics)
  network.stabilize(Math.max(10, Math.min(300, Math.floor(150000 / Math.max(1, size)))));
}
network.on("stabilizationIterationsDone", () => {
  network.setOptions({physics: {enabled: false}});
  labelled = chooseTop();
  fitView();
  layouts += 1;
  document.body.dataset.layouts = String(layouts);
  if (!ready) { ready = true; document.body.dataset.ready = "1"; }
});
function refresh(relayout = true) {
  compute();
  nodeView.refresh(); edgeView.refresh();
  updateCounts();
  relabel(true);
  dim();
  if (state.selected) renderDetails(state.selected);
  if (!$("table").hidden) renderTable();
  if (relayout && ready && shownNodes.size) layout();
}

// --- controls ---------------------------------------------------------------------------------
function checkbox(parent, label, checked, onchange, swatch) {
  const row = el("label", null, "kg-row"), box = el("input"); box.type = "checkbox"; box.checked = checked;
  box.addEventListener("change", () => { onchange(box.checked); refresh(); });
  row.append(box); if (swatch) row.append(swatch); row.append(el("span", label)); parent.append(row); return box;
}
const typeBoxes = new Map();
for (const t of data.legend) {
  const swatch = el("span", t.glyph, "kg-glyph"); swatch.style.color = t.color;
  const count = data.nodes.filter(n => n.type === t.type).length;
  typeBoxes.set(t.type, checkbox($("types"), t.type + " (" + count + ")", true,
    on => on ? state.types.add(t.type) : state.types.delete(t.type), swatch));
}
const relationBoxes = new Map();
for (const [relation, label] of [...relationLabels].sort((a, b) => a[1].localeCompare(b[1]))) {
  const count = data.edges.filter(e => e.relation === relation).length;
  relationBoxes.set(relation, checkbox($("relations"), label + " (" + count + ")", state.relations.has(relation),
    on => on ? state.relations.add(relation) : state.relations.delete(relation)));
}
if (data.core.length && data.core.length < relationLabels.size) {
  checkbox($("core"), "only the " + data.core.length + " core relations (positions shown in the details)", !!data.big, on => {
    state.relations = new Set(on ? data.core : relationLabels.keys());
    for (const [relation, box] of relationBoxes) box.checked = state.relations.has(relation);
  });
}
checkbox($("polarity"), "denied, hypothetical, reported (dashed)", true, on => { state.unasserted = on; });

const dates = data.edges.flatMap(e => e.evidence.map(ev => ev.date)).filter(Boolean).sort();
if (dates.length) {
  for (const [input, key] of [[$("date-from"), "from"], [$("date-to"), "to"]]) {
    input.min = dates[0]; input.max = dates[dates.length - 1];
    input.value = key === "from" ? dates[0] : dates[dates.length - 1];
    input.addEventListener("change", () => { state[key] = input.value; refresh(); });
  }
  $("undated").textContent = plural(undated, "undated statement is", "undated statements are") + " always shown.";
} else {
  $("dates").replaceChildren(el("div", "No statement is dated.", "kg-meta"));
}

// --- search: every match, with its type ---------------------------------------------------------
function matches(q) {
  q = q.trim().toLowerCase();
  if (!q) return [];
  const found = [];
  for (const n of data.nodes) {
    const inLabel = n.label.toLowerCase().includes(q);
    const alias = inLabel ? null : n.aliases.find(a => a.toLowerCase().includes(q));
    if (inLabel || alias) found.push({n, alias, exact: n.label.toLowerCase() === q || n.aliases.some(a => a.toLowerCase() === q)});
  }
  return found.sort((a, b) => (b.exact - a.exact) || a.n.label.localeCompare(b.n.label) || a.n.type.localeCompare(b.n.type));
}
function listMatches() {
  const q = $("query").value, found = matches(q), list = $("matches");
  list.replaceChildren();
  $("found").textContent = q.trim() ? (found.length ? plural(found.length, "match", "matches") : "no entity matches") : "";
  for (const m of found) {
    const item = el("li"), b = el("button", m.n.label, "kg-link"); b.type = "button";
    b.addEventListener("click", () => select(m.n.id, true));
    item.append(b, el("span", m.n.type + (m.alias ? " · also " + m.alias : ""), "kg-type"));
    list.append(item);
  }
  return found;
}
$("query").addEventListener("input", listMatches);
$("search").addEventListener("submit", ev => {
  ev.preventDefault();
  const found = listMatches(), exact = found.filter(m => m.exact);
  const pick = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : null;
  if (pick) select(pick.n.id, true);
  else $("status").textContent = found.length ? "pick one of the " + found.length + " matches" : "no entity matches";
});

// --- table of the drawn facts -------------------------------------------------------------------
const COLUMNS = [["subject", "Subject"], ["relation", "Relation"], ["object", "Object"], ["polarity", "Polarity"],
  ["date", "Date"], ["sentence", "Evidence"], ["source", "Source"]];
let sortKey = "date", sortDir = 1;
function tableRows() {
  const rows = [];
  for (const id of shownEdges) {
    const e = edgeById.get(id);
    for (const ev of e.evidence) if (evOk(ev)) rows.push({edge: id, ev, from: e.from, to: e.to, subject: byId.get(e.from).label,
      relation: e.relationLabel, object: byId.get(e.to).label, polarity: polarityWord(ev.polarity), date: ev.date || "",
      sentence: ev.sentence, source: source(ev).title});
  }
  return rows;
}
function renderTable() {
  const box = $("table"), rows = tableRows();
  rows.sort((a, b) => (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : 0) * sortDir || a.edge - b.edge);
  box.replaceChildren(el("div", plural(rows.length, "statement", "statements") + " of the " + plural(shownEdges.size, "fact", "facts") + " drawn", "kg-meta"));
  const table = el("table"), head = el("tr");
  for (const [key, name] of COLUMNS) {
    const th = el("th"), b = el("button", name + (key === sortKey ? (sortDir > 0 ? " ▲" : " ▼") : "")); b.type = "button";
    th.setAttribute("aria-sort", key === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
    b.addEventListener("click", () => { if (sortKey === key) sortDir = -sortDir; else { sortKey = key; sortDir = 1; } renderTable(); });
    th.append(b); head.append(th);
  }
  const thead = el("thead"), body = el("tbody");
  thead.append(head);
  for (const r of rows) {
    const tr = el("tr"); tr.dataset.edge = String(r.edge);
    const cells = [entityLink(r.from), el("span", r.relation), entityLink(r.to), el("span", r.polarity), el("span", r.date || "undated"),
      el("q", r.sentence), sourceNode(r.ev)];
    for (const c of cells) { const td = el("td"); td.append(c); tr.append(td); }
    body.append(tr);
  }
  table.append(thead, body);
  box.append(table);
}
$("view-toggle").addEventListener("click", () => {
  const table = $("table"), showing = table.hidden;
  table.hidden = !showing;
  $("view-toggle").textContent = showing ? "Graph" : "Table of facts";
  if (showing) renderTable(); else table.replaceChildren();
});
$("fit").addEventListener("click", () => network.fit({animation: {duration: 300}}));
$("png").addEventListener("click", () => {
  const canvas = $("graph").querySelector("canvas"), out = document.createElement("canvas");
  out.width = canvas.width; out.height = canvas.height;
  const ctx = out.getContext("2d"); ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height); ctx.drawImage(canvas, 0, 0);
  const a = el("a"); a.href = out.toDataURL("image/png"); a.download = "graph.png";
  document.body.append(a); a.click(); a.remove();
});

updateCounts();
relabel(true);
if (!data.nodes.length || !shownNodes.size) { ready = true; document.body.dataset.ready = "1"; }
