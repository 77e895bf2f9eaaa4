// The proof sheet's behaviour. Everything it shows comes from the JSON in #data, which
// paperset writes; nothing is fetched, so the page works opened from disk.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("data").textContent);
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const saved = JSON.parse(sessionStorage.getItem("paperset-sheet") || "{}");
  const state = { page: 0, overlay: !!saved.overlay, actual: !!saved.actual, layers: saved.layers || {} };

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function pageIndex(number) {
    return data.pages.findIndex((p) => p.number === number);
  }

  function header() {
    $("title").textContent = data.issue;
    const st = $("status");
    st.textContent = data.ok ? "built" : "build failed";
    st.className = data.ok ? "ok" : "failed";
    const t = data.timings_ms;
    const total = Object.values(t).reduce((a, b) => a + b, 0);
    const parts = Object.keys(t).map((k) => k + " " + t[k]);
    let s = total + " ms (" + parts.join(", ") + ")";
    if (data.pages.length && data.rebuilt.length < data.pages.length)
      s += " · pages rebuilt: " + (data.rebuilt.length ? data.rebuilt.join(", ") : "none");
    $("timing").textContent = s;
    $("versions-text").textContent = data.versions;
    const errors = data.findings.filter((f) => f.severity === "error");
    if (!data.ok || data.stale) {
      const b = $("banner");
      b.hidden = false;
      b.appendChild(el("div", {}, data.stale || "The build failed; no PDF was written."));
      const ol = el("ol");
      for (const f of errors) ol.appendChild(el("li", {}, where(f) + ": " + f.message));
      b.appendChild(ol);
    }
  }

  function where(f) {
    let s = f.file ? f.file + (f.line ? ":" + f.line : "") : "paperset";
    if (f.page) s += " · page " + f.page;
    if (f.id) s += " · '" + f.id + "'";
    return s;
  }

  function thumbs() {
    const nav = $("thumbs");
    const bad = new Set(data.findings.filter((f) => f.severity === "error").map((f) => f.page));
    data.pages.forEach((p, i) => {
      const b = el("button", { class: "thumb", "data-page": String(p.number), title: "page " + p.number });
      if (data.rebuilt.includes(p.number) && data.rebuilt.length < data.pages.length) b.classList.add("rebuilt");
      if (bad.has(p.number)) b.classList.add("has-error");
      b.appendChild(el("img", { src: p.png, alt: "page " + p.number, loading: "lazy" }));
      b.appendChild(el("span", {}, String(p.number)));
      b.addEventListener("click", () => show(i));
      nav.appendChild(b);
    });
  }

  function rect(r, cls) {
    const e = document.createElementNS(SVG, "rect");
    e.setAttribute("x", r[1]);
    e.setAttribute("y", r[2]);
    e.setAttribute("width", Math.max(r[3], 0.5));
    e.setAttribute("height", Math.max(r[4], 0.5));
    e.setAttribute("class", cls);
    return e;
  }

  function drawOverlay() {
    const p = data.pages[state.page];
    const svg = $("overlay");
    for (const old of svg.querySelectorAll(":not(.hl)")) old.remove();
    if (!p || !state.overlay) return;
    for (const o of p.overlay) if (state.layers[o[0]] !== false) svg.insertBefore(rect(o, o[0]), svg.firstChild);
  }

  function show(i) {
    const p = data.pages[i];
    if (!p) return;
    state.page = i;
    const box = $("sheet-page");
    box.style.width = state.actual ? "" : "100%";
    box.style.maxWidth = state.actual ? "none" : (p.w * 2) + "px";
    const img = $("page-img");
    img.src = p.png;
    img.alt = "page " + p.number;
    img.style.width = state.actual ? "auto" : "100%";
    const svg = $("overlay");
    svg.setAttribute("viewBox", "0 0 " + p.w + " " + p.h);
    svg.setAttribute("preserveAspectRatio", "none");
    for (const h of svg.querySelectorAll(".hl")) h.remove();
    drawOverlay();
    for (const t of document.querySelectorAll(".thumb"))
      t.classList.toggle("current", t.dataset.page === String(p.number));
    remember();
  }

  function highlight(f) {
    const i = pageIndex(f.page);
    if (i < 0) return null;
    if (i !== state.page) show(i);
    const svg = $("overlay");
    for (const h of svg.querySelectorAll(".hl")) h.remove();
    const boxes = data.pages[i].boxes.filter((b) => b.id === f.id);
    const frames = boxes.filter((b) => b.kind === "frame" || b.kind === "block" || b.kind === "image");
    let last = null;
    for (const b of (frames.length ? frames : boxes)) svg.appendChild((last = rect(b.r, "hl")));
    return last;
  }

  function pick(f, li) {
    for (const a of document.querySelectorAll(".finding.active")) a.classList.remove("active");
    if (li) li.classList.add("active");
    const h = highlight(f);
    const target = h || $("sheet-page");
    target.scrollIntoView({ block: "center", inline: "center" });
    if (f.src >= 0) source(f.src, f.line);
  }

  function findings() {
    const ol = $("findings");
    $("finding-count").textContent = "(" + data.findings.length + ")";
    data.findings.forEach((f, n) => {
      const li = el("li", { class: "finding " + f.severity, id: "finding-" + n, "data-code": f.code });
      if (f.page) li.dataset.page = String(f.page);
      if (f.id) li.dataset.id = f.id;
      const w = el("div", { class: "where" });
      w.appendChild(el("span", { class: "code" }, "[" + f.code + "] "));
      if (f.file) {
        const loc = f.file + (f.line ? ":" + f.line : "");
        const a = el("a", { class: "src-link", href: "#src-" + f.src + "-" + f.line, title: "show the source line" }, loc);
        a.addEventListener("click", (ev) => {
          ev.preventDefault();
          ev.stopPropagation();
          if (f.src >= 0) source(f.src, f.line);
        });
        w.appendChild(a);
      } else w.appendChild(document.createTextNode("paperset"));
      if (f.page) w.appendChild(document.createTextNode(" · page " + f.page));
      if (f.id) w.appendChild(document.createTextNode(" · '" + f.id + "'"));
      li.appendChild(w);
      li.appendChild(el("div", { class: "msg" }, f.message));
      if (f.fix) li.appendChild(el("div", { class: "fix" }, "fix: " + f.fix));
      li.addEventListener("click", () => pick(f, li));
      ol.appendChild(li);
    });
  }

  function articles() {
    const body = $("articles").tBodies[0];
    for (const a of data.articles) {
      const tr = el("tr", { class: "article", "data-id": a.id });
      tr.appendChild(el("td", {}, a.id));
      tr.appendChild(el("td", {}, String(a.page)));
      const fill = el("td", { title: a.fill + (a.copyfit ? "\n" + a.copyfit : "") });
      if (a.available > 0) {
        fill.className = a.over > 0 ? "over" : a.used < a.available ? "under" : "full";
        const bar = el("span", { class: "bar" });
        const i = el("i");
        i.style.width = Math.min(100, (100 * a.used) / a.available) + "%";
        bar.appendChild(i);
        fill.appendChild(bar);
        fill.appendChild(document.createTextNode(a.used + "/" + a.available + (a.over > 0 ? " +" + a.over + " over" : "")));
      }
      tr.appendChild(fill);
      tr.appendChild(el("td", {}, a.loose + " · " + a.compressed + " · " + a.hyphens + " (" + a.lines + " lines)"));
      tr.addEventListener("click", () => pick({ page: a.page, id: a.id, src: -1 }, null));
      body.appendChild(tr);
    }
  }

  function source(index, line) {
    const s = data.sources[index];
    if (!s) return;
    const pre = $("source");
    if (pre.dataset.index !== String(index)) {
      pre.textContent = "";
      s.lines.forEach((text, n) => {
        const row = el("span", { class: "line", id: "src-" + index + "-" + (n + 1) });
        row.appendChild(el("span", { class: "ln" }, String(n + 1)));
        row.appendChild(document.createTextNode(text + "\n"));
        pre.appendChild(row);
      });
      pre.dataset.index = String(index);
      $("source-title").textContent = "Source: ";
      $("source-title").appendChild(el("a", { href: s.href }, s.file));
    }
    for (const h of pre.querySelectorAll(".hit")) h.classList.remove("hit");
    const row = document.getElementById("src-" + index + "-" + line);
    if (row) {
      row.classList.add("hit");
      // Scrolls the source pane and, when the pane itself is below the fold, the side bar.
      row.scrollIntoView({ block: "center", inline: "start" });
    }
  }

  function controls() {
    const t = $("overlay-toggle");
    t.checked = state.overlay;
    t.addEventListener("change", () => {
      state.overlay = t.checked;
      $("layers").classList.toggle("off", !state.overlay);
      drawOverlay();
      remember();
    });
    $("layers").classList.toggle("off", !state.overlay);
    for (const c of document.querySelectorAll("[data-layer]")) {
      c.checked = state.layers[c.dataset.layer] !== false;
      c.addEventListener("change", () => {
        state.layers[c.dataset.layer] = c.checked;
        drawOverlay();
        remember();
      });
    }
    const a = $("actual-size");
    a.checked = state.actual;
    a.addEventListener("change", () => {
      state.actual = a.checked;
      show(state.page);
    });
  }

  function remember() {
    const p = data.pages[state.page];
    sessionStorage.setItem("paperset-sheet", JSON.stringify({
      page: p ? p.number : 0, overlay: state.overlay, actual: state.actual, layers: state.layers,
      scroll: [$("view").scrollLeft, $("view").scrollTop],
    }));
  }

  // paperset watch rewrites sheet-state.js after every rebuild; a newer generation reloads
  // the page, which keeps the page shown, the overlay and the scroll position.
  // Served by paperset watch --serve: the server says when a rebuild is done (Server-Sent
  // Events), so the sheet reloads at once.
  function follow() {
    if (!data.generation) return;
    if (location.protocol.startsWith("http") && window.EventSource) {
      const events = new EventSource("events");
      events.onmessage = (e) => {
        if (Number(e.data) !== data.generation) {
          events.close();
          remember();
          location.reload();
        }
      };
      return;
    }
    const s = document.createElement("script");
    s.src = "sheet-state.js?" + Date.now();
    s.onload = () => {
      s.remove();
      if (window.papersetGeneration && window.papersetGeneration !== data.generation) {
        remember();
        location.reload();
      } else setTimeout(follow, 300);
    };
    s.onerror = () => { s.remove(); setTimeout(follow, 1000); };
    document.head.appendChild(s);
  }

  header();
  thumbs();
  findings();
  articles();
  controls();
  const start = pageIndex(saved.page || 0);
  show(start >= 0 ? start : 0);
  if (saved.scroll) $("view").scrollTo(saved.scroll[0], saved.scroll[1]);
  $("view").addEventListener("scroll", remember);
  follow();
})();
