// chokepoint alert review: keyboard shortcuts for the queue and for one alert. No dependencies.
//   queue:  j / k move between alerts, o or Enter opens the one marked
//   alert:  j / k next and previous alert, c clear, e escalate, u back to the queue,
//           Ctrl+Enter in the reason records the decision, Escape leaves the field
"use strict";
(function () {
  function typing(event) {
    const t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  const queue = document.getElementById("queue");
  const form = document.getElementById("review-form");

  if (queue) {
    const rows = Array.from(queue.querySelectorAll("tbody tr"));
    let at = -1;
    function mark(i) {
      if (!rows.length) return;
      at = Math.max(0, Math.min(i, rows.length - 1));
      rows.forEach((r, n) => r.classList.toggle("current", n === at));
      const link = rows[at].querySelector("a"); if (link) link.focus();
    }
    rows.forEach((row, n) => row.addEventListener("click", (e) => {
      if (e.target.closest("a")) return; location.href = row.dataset.href;
    }));
    document.addEventListener("keydown", (e) => {
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "j") { e.preventDefault(); mark(at + 1); }
      else if (e.key === "k") { e.preventDefault(); mark(at - 1); }
      else if ((e.key === "o" || e.key === "Enter") && at >= 0) { e.preventDefault(); location.href = rows[at].dataset.href; }
    });
  }

  if (form) {
    const reason = document.getElementById("reason");
    function choose(value) {
      const radio = form.querySelector(`input[name=status][value=${value}]`);
      if (radio) { radio.checked = true; reason.focus(); }
    }
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && typing(e)) { e.target.blur(); return; }
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && e.target === reason) { e.preventDefault(); form.requestSubmit(); return; }
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const link = document.querySelector(`a[data-key="${e.key}"]`);
      if (link) { e.preventDefault(); location.href = link.href; }
      else if (e.key === "c") { e.preventDefault(); choose("cleared"); }
      else if (e.key === "e") { e.preventDefault(); choose("escalated"); }
    });
  }
})();
