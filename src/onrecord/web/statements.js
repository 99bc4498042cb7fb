// The statements pages: #/statements (most widely carried first) and #/statement/<id> (the
// timeline of sightings, the first highlighted, each variant's word diff).
import * as api from "./api.js";
import { h, clear, setStatus, shorten } from "./dom.js";

const $ = (sel) => document.querySelector(sel);

function statementItem(st) {
  return h("li", { class: "result" },
    h("blockquote", { class: `result-quote k-${st.kind}` }, shorten(st.text, 300)),
    h("p", { class: "result-meta" },
      h("strong", {}, st.speaker || "No speaker named"),
      ` · ${st.n_articles} ${st.n_articles === 1 ? "article" : "articles"}`,
      ` · ${st.n_outlets} ${st.n_outlets === 1 ? "outlet" : "outlets"}`,
      st.first_published ? ` · first ${st.first_published}` : "",
      st.altered ? " · altered in some copies" : ""),
    h("p", { class: "result-link" }, h("a", { href: `#/statement/${encodeURIComponent(st.id)}` }, "Timeline"), " →"));
}

export async function showStatements(params, showPage) {
  showPage("statements");
  const form = $("#statements-form");
  for (const f of ["speaker", "contains", "min_outlets"]) form.elements[f].value = params.get(f) || "";
  const status = $("#statements-status");
  const list = clear($("#statements-results"));
  setStatus(status, "Loading statements…");
  try {
    const page = await api.statements({ speaker: params.get("speaker"), contains: params.get("contains"),
                                        min_outlets: params.get("min_outlets"), limit: 50 });
    setStatus(status, page.items.length ? `${page.items.length} statements, most widely carried first.` : "No statements match.");
    for (const st of page.items) list.append(statementItem(st));
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

function diffView(diff) {
  return h("p", { class: "diff" }, ...diff.map((e) => h("span", {},
    e.before ? h("del", {}, e.before) : "", e.before && e.after ? " → " : "",
    e.after ? h("ins", {}, e.after) : "", " ")));
}

export async function showStatement(id, showPage) {
  showPage("statement");
  const target = clear($("#page-statement"));
  const status = h("p", { class: "status", role: "status" }, "Loading the statement…");
  target.append(h("p", { class: "back" }, h("a", { href: "#/statements" }, "← All statements")), status);
  try {
    const st = await api.statement(id);
    status.remove();
    const variants = new Map(st.variants.map((v) => [`${v.article_id}#${v.idx}`, v]));
    target.append(
      h("h1", { class: "statement-title" }, st.speaker || "No speaker named"),
      h("blockquote", { class: `result-quote k-${st.kind}` }, st.text),
      h("p", { class: "result-meta" }, `${st.n_articles} articles · ${st.n_outlets} outlets · speaker confidence ${st.speaker_confidence}`),
      h("h2", {}, "Timeline"),
      h("ol", { class: "timeline" }, ...st.sightings.map((s, i) => {
        const v = variants.get(`${s.article_id}#${s.idx}`);
        return h("li", { class: i === 0 ? "sighting first" : "sighting" },
          h("p", { class: "result-meta" },
            h("strong", {}, s.published || "undated"), ` · ${s.outlet || "unknown outlet"}`,
            i === 0 ? " · first seen" : "", v ? (v.truncation ? " · cut" : " · altered") : ""),
          v ? diffView(v.diff) : "",
          h("p", { class: "result-link" },
            h("a", { href: `#/article/${encodeURIComponent(s.article_id)}?at=${s.start}` },
              shorten(s.title || s.source_id || s.article_id, 90)), " →",
            /^https?:\/\//i.test(s.url || "") ? h("span", {}, " · ", h("a", { href: s.url, rel: "noopener noreferrer" }, "original")) : ""));
      })));
  } catch (err) {
    setStatus(status, err.message, true);
  }
}
