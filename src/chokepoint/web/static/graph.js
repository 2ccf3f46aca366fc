// chokepoint relationship graph: an entity and its neighbours in SVG, expanded node by node.
// Data: GET <entity>/graph.json -> {id, nodes: [{id, label, schema, kind, url}], edges: [{id, source, target, label}]}.
// Layout: a small force simulation run to rest before drawing (deterministic; no animation).
// Keyboard: Tab to a node, Enter or Space expands it, o opens its page. Mouse: click expands, double-click opens.
"use strict";
(function () {
  const box = document.getElementById("graph");
  if (!box) return;
  const status = document.getElementById("graph-status");
  const prefix = box.dataset.prefix;
  const NS = "http://www.w3.org/2000/svg";
  const MAX_NODES = 160;
  const nodes = new Map(), edges = new Map();
  let svg = null, centre = null;

  function say(text) { if (status) status.textContent = text; }
  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.append(node);
    return node;
  }
  function short(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }

  function merge(data, from) {
    const origin = nodes.get(from) || { x: 0, y: 0 };
    let added = 0, n = 0;
    for (const node of data.nodes) {
      if (nodes.has(node.id)) continue;
      if (nodes.size >= MAX_NODES) { say(`The graph shows at most ${MAX_NODES} entities.`); break; }
      const angle = (2 * Math.PI * n++) / Math.max(1, data.nodes.length - 1);
      nodes.set(node.id, Object.assign({}, node, { x: origin.x + 90 * Math.cos(angle), y: origin.y + 90 * Math.sin(angle), vx: 0, vy: 0, expanded: false }));
      added++;
    }
    for (const edge of data.edges) if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
    nodes.get(data.id).expanded = true;
    return added;
  }

  function layout(iterations) {
    const list = Array.from(nodes.values());
    for (let step = 0; step < iterations; step++) {
      const cool = 1 - step / iterations;
      for (const a of list) {
        for (const b of list) {
          if (a === b) continue;
          let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy;
          if (d2 < 1) { dx = Math.random() - 0.5; dy = Math.random() - 0.5; d2 = 1; }
          const push = 9000 / d2;
          a.vx += dx * push / Math.sqrt(d2); a.vy += dy * push / Math.sqrt(d2);
        }
      }
      for (const e of edges.values()) {
        const a = nodes.get(e.source), b = nodes.get(e.target);
        const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
        const pull = (d - 150) * 0.05;
        a.vx += dx / d * pull; a.vy += dy / d * pull; b.vx -= dx / d * pull; b.vy -= dy / d * pull;
      }
      for (const n of list) {
        n.vx -= n.x * 0.002; n.vy -= n.y * 0.008;
        if (n.id === centre) { n.vx = 0; n.vy = 0; n.x = 0; n.y = 0; continue; }
        const speed = Math.hypot(n.vx, n.vy), limit = 30 * cool + 1;
        if (speed > limit) { n.vx *= limit / speed; n.vy *= limit / speed; }
        n.x += n.vx; n.y += n.vy; n.vx *= 0.5; n.vy *= 0.5;
      }
    }
  }

  function draw(focusId) {
    if (!svg) { svg = el("svg", {}, box); }
    svg.textContent = "";
    const list = Array.from(nodes.values());
    const xs = list.map((n) => n.x), ys = list.map((n) => n.y);
    const pad = 90, x0 = Math.min(...xs) - pad, y0 = Math.min(...ys) - 40, w = Math.max(...xs) - x0 + pad, h = Math.max(...ys) - y0 + 40;
    svg.setAttribute("viewBox", `${x0} ${y0} ${Math.max(w, 300)} ${Math.max(h, 200)}`);
    const edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
    for (const e of edges.values()) {
      const a = nodes.get(e.source), b = nodes.get(e.target);
      const g = el("g", { class: "edge" }, edgeLayer);
      el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y }, g);
      const title = el("title", {}, g); title.textContent = `${a.label} — ${e.label} — ${b.label}`;
      if (e.schema !== "Sanction") {
        const label = el("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 3, "text-anchor": "middle" }, g);
        label.textContent = short(e.label || "", 26);
      }
    }
    for (const n of list) {
      const links = Array.from(edges.values()).filter((e) => e.source === n.id || e.target === n.id).length;
      const g = el("g", {
        class: `node ${n.kind}${n.id === centre ? " center" : ""}${n.expanded ? " expanded" : ""}`,
        transform: `translate(${n.x},${n.y})`, tabindex: "0", role: "button", "data-id": n.id,
        "aria-label": `${n.label} (${n.schema}), ${links} link${links === 1 ? "" : "s"} shown; ${n.expanded ? "expanded" : "press Enter to expand"}, o to open`,
      }, nodeLayer);
      if (n.kind === "sanction") el("rect", { x: -9, y: -9, width: 18, height: 18 }, g);
      else el("circle", { r: n.id === centre ? 14 : 10 }, g);
      const text = el("text", { x: 0, y: 26, "text-anchor": "middle" }, g);
      text.textContent = short(n.label, 34);
      const title = el("title", {}, g); title.textContent = `${n.label} (${n.schema})`;
      g.addEventListener("click", () => expand(n.id));
      g.addEventListener("dblclick", () => { location.href = n.url; });
      g.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); expand(n.id); }
        else if (e.key === "o") { e.preventDefault(); location.href = n.url; }
      });
    }
    if (focusId) { const again = svg.querySelector(`[data-id="${CSS.escape(focusId)}"]`); if (again) again.focus(); }
  }

  async function fetchGraph(id) {
    const url = id === centre ? box.dataset.url : `${prefix}/entities/${encodeURIComponent(id)}/graph.json`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`graph ${response.status}`);
    return response.json();
  }

  async function expand(id) {
    const node = nodes.get(id);
    if (node && node.expanded) { say(`${node.label} is already expanded.`); return; }
    try {
      const data = await fetchGraph(id);
      const added = merge(data, id);
      layout(260); draw(id);
      box.dataset.nodes = String(nodes.size);
      say(`${added} entit${added === 1 ? "y" : "ies"} added around ${nodes.get(id).label}.`);
    } catch (err) { say(`Could not expand: ${err.message}`); }
  }

  (async function start() {
    const data = await (await fetch(box.dataset.url)).json();
    centre = data.id;
    nodes.set(centre, Object.assign({}, data.nodes.find((n) => n.id === centre), { x: 0, y: 0, vx: 0, vy: 0, expanded: false }));
    merge(data, centre);
    layout(300); draw(null);
    box.dataset.nodes = String(nodes.size);
    box.dataset.ready = "true";
  })();
})();
