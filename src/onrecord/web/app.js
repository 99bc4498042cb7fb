// The viewer: hash routes #/read, #/article/<id>, #/search?..., #/speakers, #/statements,
// #/statement/<id>; no build step.
import * as api from "./api.js";
import { h, clear, setStatus, shorten } from "./dom.js";
import { renderArticle, hideTooltip } from "./article.js";
import { showStatement, showStatements } from "./statements.js";
import { showGlance } from "./glance.js";

const $ = (sel) => document.querySelector(sel);
const state = { store: false };
const PAGE_SIZE = 20;

function showPage(name) {
  hideTooltip();
  for (const page of document.querySelectorAll(".page")) page.hidden = page.id !== `page-${name}`;
  for (const link of document.querySelectorAll("nav [data-page]")) {
    if (link.dataset.page === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?");
  const [page, ...rest] = path.split("/");
  return { page: page || "read", arg: rest.length ? decodeURIComponent(rest.join("/")) : "",
           params: new URLSearchParams(query) };
}

async function route() {
  const { page, arg, params } = parseHash();
  const needsStore = ["search", "speakers", "article", "statements", "statement"].includes(page);
  if (needsStore && !state.store) {
    showPage("read");
    setStatus($("#read-status"), "There is no quote store: start the server with `onrecord serve --store quotes.duckdb` to search.", true);
    return;
  }
  if (page === "article") return showStoredArticle(arg, params);
  if (page === "search") return showSearch(params);
  if (page === "speakers") return showSpeakers(params);
  if (page === "statements") return showStatements(params, showPage);
  if (page === "statement") return showStatement(arg, showPage);
  showPage("read");
}

// ---- Read: paste or open an article -------------------------------------------------------

function isRecord(data) {
  return data && typeof data === "object" && typeof data.text === "string" && Array.isArray(data.quotes);
}

function showRecord(record) {
  const target = clear($("#read-result"));
  target.append(renderArticle(record));
  $("#read-form").classList.add("has-result");
  const first = target.querySelector(".article-title");
  if (first) first.scrollIntoView({ block: "start", behavior: "smooth" });
}

async function readPayload(payload) {
  const status = $("#read-status");
  const button = $("#read-submit");
  button.disabled = true;
  setStatus(status, "Reading the article…");
  try {
    const record = await api.extract({ ...payload, explain: true });
    const n = record.quotes.length;
    setStatus(status, `Found ${n} ${n === 1 ? "quote" : "quotes"}.`);
    showRecord(record);
  } catch (err) {
    setStatus(status, err.message, true);
  } finally {
    button.disabled = false;
  }
}

function setupRead() {
  const input = $("#article-input");
  $("#read-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim()) {
      setStatus($("#read-status"), "Paste an article first, or open a file.", true);
      input.focus();
      return;
    }
    const payload = { text };
    if ($("#article-date").value) payload.published = $("#article-date").value;
    readPayload(payload);
  });
  $("#article-file").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    const content = await file.text();
    const name = file.name.toLowerCase();
    const published = $("#article-date").value || undefined;
    if (name.endsWith(".json")) {
      let data;
      try {
        data = JSON.parse(content);
      } catch (err) {
        setStatus($("#read-status"), `${file.name} is not valid JSON: ${err.message}`, true);
        return;
      }
      if (isRecord(data)) {  // an `onrecord extract` record: show it as it is
        setStatus($("#read-status"), `Showing the record in ${file.name}.`);
        showRecord(data);
      } else if (data && (typeof data.text === "string" || typeof data.html === "string")) {
        readPayload({ id: data.id ?? file.name, text: data.text, html: data.html,
                      published: data.published ?? published });
      } else {
        setStatus($("#read-status"), `${file.name} holds neither an article record nor {"text": ...}.`, true);
      }
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      readPayload({ id: file.name, html: content, published });
    } else {
      input.value = content;
      readPayload({ id: file.name, text: content, published });
    }
    ev.target.value = "";
  });
}

// ---- A stored article ----------------------------------------------------------------------

// The article's quotes that are part of a statement, each linking to where else it appeared.
function statementList(record) {
  const linked = (record.quotes || []).filter((q) => q.statement_id);
  if (!linked.length) return null;
  const clip = (t) => (t.length > 90 ? `${t.slice(0, 89)}…` : t);
  return h("div", { class: "article-statements" }, h("h3", {}, "Its quotes elsewhere"),
    h("ul", {}, linked.map((q) => h("li", {}, h("strong", {}, q.speaker ? q.speaker.name : "No speaker named"), ": “",
      clip(q.text || ""), "” · ",
      h("a", { href: `#/statement/${encodeURIComponent(q.statement_id)}`, class: "statement-link" },
        "where else it appeared")))));
}

async function showStoredArticle(id, params) {
  showPage("article");
  const page = clear($("#page-article"));
  const status = page.appendChild(h("p", { class: "status", role: "status" }, "Loading the article…"));
  try {
    const record = await api.article(id);
    const copies = (record.copies || []).filter((c) => c !== record.id);
    const also = copies.length ? h("p", { class: "copies" }, `Also published as: `,
      copies.map((c, i) => [i ? ", " : "", h("a", { href: `#/article/${encodeURIComponent(c)}` }, c)])) : null;
    const extra = h("div", {}, also, sightingList(record.sightings || []), statementList(record));
    status.remove();
    page.append(h("p", { class: "back" }, h("a", { href: "#/search" }, "← Back to search")), renderArticle(record, { extra }));
    const at = params.get("at");
    const target = at !== null
      ? [...page.querySelectorAll("mark.q")].find((m) => record.quotes[Number(m.dataset.q)].start === Number(at))
      : null;
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
    }
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

// Every input record the article was read as (its id, outlet, date, url, file).
function sightingList(sightings) {
  if (!sightings.length) return null;
  const web = (u) => typeof u === "string" && /^https?:\/\//i.test(u);
  return h("section", { class: "sightings" },
    h("h3", {}, sightings.length === 1 ? "Read as 1 record" : `Read as ${sightings.length} records`),
    h("ul", {}, sightings.map((s) => h("li", { class: "sighting" },
      s.source_id ? h("code", {}, s.source_id) : "(no id)",
      s.outlet ? ` · ${s.outlet}` : "", s.published ? ` · ${s.published}` : "",
      s.url ? " · " : "",
      s.url ? (web(s.url) ? h("a", { href: s.url, rel: "noopener noreferrer" }, s.url) : s.url) : "",
      s.source ? h("span", { class: "muted" }, ` · ${s.source}${s.pos !== null && s.pos !== undefined ? ` #${s.pos + 1}` : ""}`) : ""))));
}

// ---- Search over the store -----------------------------------------------------------------

const SEARCH_FIELDS = ["speaker", "contains", "outlet", "since", "until"];

function setupSearch() {
  $("#search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    const q = new URLSearchParams();
    for (const f of SEARCH_FIELDS) if (form.get(f)) q.set(f, form.get(f));
    location.hash = `#/search?${q}`;
  });
  $("#speakers-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = new FormData(ev.target).get("name");
    location.hash = name ? `#/speakers?name=${encodeURIComponent(name)}` : "#/speakers";
  });
}

// A search result's article: its title, else where and when it appeared (never its hash id).
function articleLabel(item) {
  if (item.article_title) return item.article_title;
  const where = [item.outlet, item.published].filter(Boolean).join(", ");
  return where ? `the article (${where})` : "the article";
}

function quoteItem(item) {
  const link = `#/article/${encodeURIComponent(item.article_id)}?at=${item.start}`;
  const when = item.date || item.published;
  return h("li", { class: "result" },
    h("blockquote", { class: `result-quote k-${item.kind}` }, item.text),
    h("p", { class: "result-meta" },
      h("strong", {}, item.speaker || "No speaker named"),
      item.cue ? ` ${item.cue}` : "",
      when ? ` · ${when}` : "",
      item.outlet ? ` · ${item.outlet}` : ""),
    h("p", { class: "result-link" },
      h("a", { href: link }, shorten(articleLabel(item), 90)), " →",
      item.statement_id ? h("span", {}, " · ", h("a", { href: `#/statement/${encodeURIComponent(item.statement_id)}`, class: "statement-link" }, "where else it appeared")) : ""));
}

async function showSearch(params) {
  showPage("search");
  const form = $("#search-form");
  for (const f of SEARCH_FIELDS) form.elements[f].value = params.get(f) || "";
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const status = $("#search-status");
  const list = clear($("#search-results"));
  const pager = clear($("#search-pages"));
  const filters = Object.fromEntries(SEARCH_FIELDS.map((f) => [f, params.get(f) || ""]));
  if (!Object.values(filters).some(Boolean)) {
    setStatus(status, "Search by speaker, words, outlet or dates — or leave them empty and search for every quote.");
    if (!params.has("all")) return;
  }
  setStatus(status, "Searching…");
  try {
    const page = await api.quotes({ ...filters, limit: PAGE_SIZE, offset });
    if (!page.total) {
      setStatus(status, "No quotes match.");
      return;
    }
    const last = Math.min(offset + page.items.length, page.total);
    setStatus(status, `Quotes ${offset + 1}–${last} of ${page.total}`);
    for (const item of page.items) list.append(quoteItem(item));
    const link = (label, off) => {
      const q = new URLSearchParams(params);
      q.set("offset", String(off));
      return h("a", { href: `#/search?${q}` }, label);
    };
    if (offset > 0) pager.append(link("← Newer", Math.max(0, offset - PAGE_SIZE)));
    if (last < page.total) pager.append(link("Older →", offset + PAGE_SIZE));
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

async function showSpeakers(params) {
  showPage("speakers");
  const name = params.get("name") || "";
  $("#speakers-form").elements.name.value = name;
  const status = $("#speakers-status");
  const table = $("#speakers-table");
  const body = clear(table.querySelector("tbody"));
  setStatus(status, "Loading speakers…");
  try {
    const page = await api.speakers({ name, limit: 200 });
    table.hidden = !page.items.length;
    setStatus(status, page.items.length ? `${page.items.length} speakers, most quoted first.` : "No speakers match.");
    for (const s of page.items) {
      body.append(h("tr", {},
        h("th", { scope: "row" }, h("a", { href: `#/search?speaker=${encodeURIComponent(s.name)}` }, s.name)),
        h("td", {}, (s.titles || []).join(", ")),
        h("td", { class: "num" }, String(s.quotes ?? "")),
        h("td", { class: "num" }, String(s.articles ?? ""))));
    }
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

// ---- Start ---------------------------------------------------------------------------------

function setupStatements() {
  $("#statements-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const f of ["speaker", "contains", "min_outlets"]) {
      const v = ev.target.elements[f].value.trim();
      if (v) q.set(f, v);
    }
    location.hash = `#/statements?${q}`;
  });
}

async function start() {
  setupRead();
  setupSearch();
  setupStatements();
  try {
    state.store = Boolean((await api.health()).store);
  } catch (err) {
    state.store = false;
  }
  for (const el of document.querySelectorAll("[data-needs-store]")) el.hidden = !state.store;
  if (state.store) await showGlance($("#store-glance"));
  document.body.dataset.ready = "true";
  window.addEventListener("hashchange", route);
  await route();
}

start();
