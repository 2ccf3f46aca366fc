// chokepoint analyst UI: search as you type (an ARIA combobox) and the "/" shortcut. No dependencies.
"use strict";
(function () {
  const prefix = document.body.dataset.prefix || "";

  function typing(event) {
    const t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function suggest(input) {
    const list = document.getElementById(input.dataset.suggest);
    const status = document.getElementById(input.dataset.suggest + "-status");
    let active = -1, items = [], controller = null, timer = null;

    function close() {
      list.hidden = true; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant"); active = -1;
    }
    function mark(i) {
      items.forEach((li, n) => li.setAttribute("aria-selected", String(n === i)));
      active = i;
      if (i >= 0) { input.setAttribute("aria-activedescendant", items[i].id); items[i].scrollIntoView({ block: "nearest" }); }
    }
    function render(results, query) {
      list.textContent = "";
      items = results.map((r, n) => {
        const li = document.createElement("li");
        li.id = `${list.id}-${n}`; li.setAttribute("role", "option"); li.dataset.href = r.url;
        const a = document.createElement("a"); a.href = r.url; a.tabIndex = -1;
        const name = document.createElement("span"); name.dir = "auto"; name.textContent = r.caption; a.append(name);
        const tag = document.createElement("span"); tag.className = "tag"; tag.textContent = r.schema; a.append(" ", tag);
        if (r.matched_name) { const via = document.createElement("span"); via.className = "via"; via.dir = "auto"; via.textContent = `matched ${r.matched_name}`; a.append(via); }
        const src = document.createElement("span"); src.className = "src"; src.textContent = r.source + (r.list_ref ? ` · ${r.list_ref}` : ""); a.prepend(src);
        li.append(a);
        li.addEventListener("mousedown", (e) => { e.preventDefault(); location.href = r.url; });
        list.append(li);
        return li;
      });
      if (!items.length) { close(); if (status) status.textContent = query ? "No matching entities" : ""; return; }
      list.hidden = false; input.setAttribute("aria-expanded", "true"); mark(-1);
      if (status) status.textContent = `${items.length} matching entities; use the arrow keys`;
    }
    async function lookup() {
      const query = input.value.trim();
      if (controller) controller.abort();
      if (!query) { render([], ""); return; }
      controller = new AbortController();
      try {
        const response = await fetch(`${prefix}/search.json?limit=8&q=${encodeURIComponent(query)}`, { signal: controller.signal });
        if (!response.ok) return;
        const data = await response.json();
        if (data.query.trim() === input.value.trim()) render(data.results, query);
      } catch (err) { if (err.name !== "AbortError") throw err; }
    }
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 120); });
    input.addEventListener("keydown", (e) => {
      if (list.hidden && e.key !== "ArrowDown") { if (e.key === "Escape") input.blur(); return; }
      if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) lookup(); else mark(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); location.href = items[active].dataset.href; }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }

  document.querySelectorAll("input[data-suggest]").forEach(suggest);

  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    const box = document.getElementById("q") || document.getElementById("quick-q");
    if (box) { e.preventDefault(); box.focus(); box.select(); }
  });
})();
