// Render an article record: paragraphs with each quote highlighted in its speaker's colour,
// a tooltip for the quote under the pointer or keyboard focus, and a legend of speakers.
import { h, shorten } from "./dom.js";

// Distinct, readable hues; a speaker keeps its colour for the whole article.
const PALETTE = ["#2563c9", "#c2410c", "#15803d", "#9333ea", "#be123c", "#0e7490",
                 "#a16207", "#4f46e5", "#db2777", "#4d7c0f"];
const NO_SPEAKER = "#6b7280";

const KIND_LABEL = { direct: "Direct quote", mixed: "Partial quote", indirect: "Reported speech" };

function validRange(text, start, end) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start
    && end <= text.length;
}

// One entry per speaker (by entity id, else by name), most quoted first.
export function speakerTable(record) {
  const entities = new Map((record.entities || []).map((e) => [e.id, e]));
  const table = new Map();
  for (const q of record.quotes || []) {
    const key = q.speaker ? (q.speaker.id || `name:${q.speaker.name}`) : "none";
    if (!table.has(key)) {
      const ent = q.speaker && q.speaker.id ? entities.get(q.speaker.id) : null;
      table.set(key, {
        key,
        name: q.speaker ? (ent ? ent.name : q.speaker.name) : "No speaker named",
        titles: ent ? ent.titles || [] : [],
        count: 0,
      });
    }
    table.get(key).count += 1;
  }
  const list = [...table.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  let i = 0;
  for (const s of list) s.color = s.key === "none" ? NO_SPEAKER : PALETTE[i++ % PALETTE.length];
  return new Map(list.map((s) => [s.key, s]));
}

function speakerKey(q) {
  return q.speaker ? (q.speaker.id || `name:${q.speaker.name}`) : "none";
}

// Quotes first, then the speaker mentions and cues they use; overlapping spans are dropped.
function layout(record) {
  const text = record.text || "";
  const wanted = [];
  (record.quotes || []).forEach((q, i) => {
    if (validRange(text, q.start, q.end)) wanted.push({ kind: "quote", start: q.start, end: q.end, i });
  });
  (record.quotes || []).forEach((q, i) => {
    if (q.speaker && validRange(text, q.speaker.start, q.speaker.end))
      wanted.push({ kind: "who", start: q.speaker.start, end: q.speaker.end, i });
    if (q.cue && validRange(text, q.cue.start, q.cue.end))
      wanted.push({ kind: "cue", start: q.cue.start, end: q.cue.end, i });
  });
  const taken = [];
  for (const span of wanted) {
    if (!taken.some((t) => span.start < t.end && t.start < span.end)) taken.push(span);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function fmtConfidence(c) {
  return typeof c === "number" ? `${Math.round(c * 100)}%` : "—";
}

// The tooltip's content for quote `q`, built from text nodes only.
function tooltipContent(record, q, speaker) {
  const rows = [];
  const row = (label, value) => {
    if (value) rows.push(h("div", { class: "tt-row" }, h("dt", {}, label), h("dd", {}, value)));
  };
  row("Title", speaker.titles.join(", "));
  row("Cue", q.cue ? `“${q.cue.text}”` : "");
  row("To", q.addressee);
  row("Date", q.date || record.published || "unknown");
  row("Typos", typosIn(record, q));
  if (q.explain) {
    row("Found by", q.explain.rule);
    const sp = q.explain.speaker;
    if (sp) row("Speaker via", `${sp.mention}${sp.text ? ` “${sp.text}”` : ""}: ${sp.why}`);
    if (sp) row("Subject by", sp.subject_rule);
  }
  const pct = typeof q.confidence === "number" ? Math.max(0, Math.min(1, q.confidence)) : 0;
  const meter = h("span", { class: "meter", "aria-hidden": "true" }, h("span", { class: "meter-fill" }));
  meter.firstChild.style.width = `${Math.round(pct * 100)}%`;
  rows.push(h("div", { class: "tt-row" }, h("dt", {}, "Confidence"),
    h("dd", {}, meter, " ", fmtConfidence(q.confidence))));
  const head = h("div", { class: "tt-head" },
    h("span", { class: "swatch", "aria-hidden": "true" }), h("strong", { class: "tt-name" }, speaker.name),
    h("span", { class: "tt-kind" }, KIND_LABEL[q.kind] || q.kind || "quote"));
  head.firstChild.style.background = speaker.color;
  return [head, h("dl", {}, rows)];
}

const tooltip = () => document.getElementById("tooltip");

function showTooltip(anchor, content) {
  const tip = tooltip();
  tip.replaceChildren(...content);
  tip.hidden = false;
  anchor.setAttribute("aria-describedby", "tooltip");
  const r = anchor.getBoundingClientRect();
  const tw = tip.offsetWidth;
  const left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tw - 8));
  let top = window.scrollY + r.bottom + 8;
  if (r.bottom + tip.offsetHeight + 16 > window.innerHeight && r.top > tip.offsetHeight + 16)
    top = window.scrollY + r.top - tip.offsetHeight - 8;
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

export function hideTooltip() {
  const tip = tooltip();
  if (!tip) return;
  tip.hidden = true;
  for (const el of document.querySelectorAll("[aria-describedby='tooltip']")) el.removeAttribute("aria-describedby");
}

document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") hideTooltip(); });

// A focusable highlight for quote `i`, showing its details on hover and keyboard focus.
function quoteMark(record, i, sp, line) {
  const q = record.quotes[i];
  const mark = h("mark", { class: `q q-${q.kind || "quote"}`, tabindex: "0",
    dataset: { q: String(i), speaker: sp.key } }, line);
  mark.style.setProperty("--c", sp.color);
  const show = () => showTooltip(mark, tooltipContent(record, q, sp));
  mark.addEventListener("mouseenter", show);
  mark.addEventListener("focus", show);
  mark.addEventListener("mouseleave", () => { if (document.activeElement !== mark) hideTooltip(); });
  mark.addEventListener("blur", hideTooltip);
  return mark;
}

// Quotes that could not be marked in place (offsets outside the text, or inside another
// quote) are listed under the article, so every quote stays readable.
function renderUnplaced(record, speakers, placed) {
  const rest = (record.quotes || []).map((q, i) => i).filter((i) => !placed.has(i));
  if (!rest.length) return null;
  return h("div", { class: "unplaced" },
    h("h3", {}, "Also found (overlapping or outside the text)"),
    h("ul", {}, rest.map((i) => h("li", {},
      quoteMark(record, i, speakers.get(speakerKey(record.quotes[i])), record.quotes[i].text)))));
}

// Build the article text as paragraphs; `spans` mark quotes, speaker mentions and cues.
function renderBody(record, speakers) {
  const text = record.text || "";
  const body = h("div", { class: "article-body" });
  let para = null;
  const put = (node) => {
    if (!para) para = body.appendChild(h("p"));
    para.append(node);
  };
  // Emit `chunk`, wrapping each line of it with `wrap` (if any); newlines start paragraphs.
  const emit = (chunk, wrap) => {
    chunk.split("\n").forEach((line, n) => {
      if (n > 0) para = null;
      if (line) put(wrap ? wrap(line) : document.createTextNode(line));
    });
  };
  let pos = 0;
  for (const span of layout(record)) {
    emit(text.slice(pos, span.start));
    const q = record.quotes[span.i];
    const sp = speakers.get(speakerKey(q));
    const piece = text.slice(span.start, span.end);
    if (span.kind === "quote") {
      emit(piece, (line) => quoteMark(record, span.i, sp, line));
    } else {
      emit(piece, (line) => {
        const el = h("span", { class: span.kind === "who" ? "who" : "cue", dataset: { speaker: sp.key } }, line);
        el.style.setProperty("--c", sp.color);
        return el;
      });
    }
    pos = span.end;
  }
  emit(text.slice(pos));
  const placed = new Set(layout(record).filter((s) => s.kind === "quote").map((s) => s.i));
  const unplaced = renderUnplaced(record, speakers, placed);
  if (unplaced) body.append(unplaced);
  return body;
}

function renderLegend(speakers, body) {
  const list = h("ul", { class: "legend-list" });
  for (const sp of speakers.values()) {
    const btn = h("button", { type: "button", class: "legend-item", "aria-pressed": "false",
      dataset: { speaker: sp.key } },
      h("span", { class: "swatch", "aria-hidden": "true" }),
      h("span", { class: "legend-name" }, sp.name,
        sp.titles.length ? h("span", { class: "legend-title" }, sp.titles[0]) : null),
      h("span", { class: "count", "aria-label": `${sp.count} quotes` }, String(sp.count)));
    btn.firstChild.style.background = sp.color;
    btn.addEventListener("click", () => {
      const on = btn.getAttribute("aria-pressed") !== "true";
      for (const other of list.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
      btn.setAttribute("aria-pressed", String(on));
      body.classList.toggle("focused", on);
      for (const el of body.querySelectorAll("[data-speaker]"))
        el.classList.toggle("dim", on && el.dataset.speaker !== sp.key);
    });
    list.append(h("li", {}, btn));
  }
  return h("aside", { class: "legend", "aria-label": "Speakers in this article" },
    h("h2", {}, "Speakers"),
    speakers.size ? list : h("p", { class: "muted" }, "No quotes found in this article."),
    speakers.size ? h("p", { class: "hint" }, "Select a speaker to pick out their quotes. Tab moves from quote to quote.") : null);
}

const REPAIR_LABEL = { typo: "Typo (flagged, not changed)", mojibake: "Broken encoding fixed",
                       junk: "Junk removed", boilerplate: "Page boilerplate removed",
                       caption: "Photo caption set apart" };

// What onrecord repaired in the input before reading it, so the reader can judge.
function renderRepairs(record) {
  const repairs = record.repairs || [];
  if (!repairs.length) return null;
  return h("section", { class: "repairs", "aria-label": "Repairs" },
    h("h2", {}, `Repairs (${repairs.length})`),
    h("ul", {}, repairs.map((r) => h("li", {},
      h("span", { class: "repair-kind" }, REPAIR_LABEL[r.kind] || r.kind),
      h("span", { class: "repair-change" },
        h("del", {}, shorten(r.before, 60)),
        r.after ? [" → ", h("ins", {}, shorten(r.after, 60))] : null)))));
}

// Typo flags that fall inside a quote: the quote is printed as the speaker said it.
function typosIn(record, q) {
  return (record.repairs || []).filter((r) => r.kind === "typo" && r.start >= q.start && r.end <= q.end)
    .map((r) => `${r.before} → ${r.after}`).join(", ");
}

// The headline: the page's or record's title, else the article's first line; never an id
// (a stored article's id is a content hash).
export function headline(record) {
  const meta = record.meta || {};
  const title = [meta.title, record.title].find((t) => typeof t === "string" && t.trim());
  if (title) return title.trim();
  const first = (record.text || "").split("\n").map((line) => line.trim()).find(Boolean);
  return first ? shorten(first, 100) : "Untitled article";
}

// An http(s) address as a link target; anything else (javascript:, data:) is never linked.
export function safeUrl(url) {
  if (typeof url !== "string" || !url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (err) {
    return null;
  }
}

// The caller's own id (a stored article keeps it as source_id) and the original's address.
function sourceLine(record) {
  const meta = record.meta || {};
  const callerId = "source_id" in record ? record.source_id : record.id;
  const url = record.url || meta.url;
  const href = safeUrl(url);
  const bits = [];
  if (callerId !== null && callerId !== undefined && callerId !== "")
    bits.push(h("span", { class: "caller-id" }, "Your id: ", h("code", {}, String(callerId))));
  if (href) bits.push(h("a", { class: "original", href, rel: "noopener noreferrer", target: "_blank" },
    "Original article ↗"));
  else if (url) bits.push(h("span", { class: "original" }, `Source: ${url}`));
  if (!bits.length) return null;
  return h("p", { class: "source-line" }, ...bits.flatMap((b, i) => (i ? [" · ", b] : [b])));
}

// The whole article view: heading, byline, source line, body, then the speakers (after the
// text on a phone, beside it on a wide screen). Returns the element.
export function renderArticle(record, { extra = null } = {}) {
  const speakers = speakerTable(record);
  const meta = record.meta || {};
  const nq = (record.quotes || []).length;
  const title = headline(record);
  const bits = [];
  if (record.published) bits.push(`Published ${record.published}`);
  const outlet = record.outlet || meta.outlet || meta.sitename;
  if (outlet) bits.push(outlet);
  bits.push(`${nq} ${nq === 1 ? "quote" : "quotes"}`);
  const nsp = [...speakers.keys()].filter((k) => k !== "none").length;
  bits.push(`${nsp} ${nsp === 1 ? "speaker" : "speakers"}`);
  if ((record.repairs || []).length) bits.push(`${record.repairs.length} repairs`);
  const body = renderBody(record, speakers);
  const article = h("article", { class: "reading" },
    h("header", { class: "article-head" },
      h("h2", { class: "article-title", title: title.length > 140 ? title : null }, shorten(title, 140)),
      h("p", { class: "byline" }, bits.join(" · ")),
      sourceLine(record)),
    body, extra);
  const aside = renderLegend(speakers, body);
  const repairs = renderRepairs(record);
  if (repairs) aside.append(repairs);
  return h("div", { class: "article-view" }, article, aside);
}
