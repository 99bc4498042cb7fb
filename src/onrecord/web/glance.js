// The home page's view of the store: totals and who was quoted most in its latest month.
import * as api from "./api.js";
import { h, clear } from "./dom.js";

const fmt = (n) => Number(n).toLocaleString("en");

export async function showGlance(el) {
  let s;
  try {
    s = await api.summary();
  } catch (err) {
    el.hidden = true;  // the paste box works without it
    return;
  }
  const when = s.month ? `in ${s.month}, the latest month with dated articles` : "over all articles (none is dated)";
  clear(el).append(
    h("h2", {}, "In the store"),
    h("dl", { class: "glance-totals" },
      ...[["articles", s.articles, "#/search"], ["quotes", s.quotes, "#/search"],
          ["speakers", s.speakers, "#/speakers"], ["statements", s.statements, "#/statements"]]
        .map(([k, v, href]) => h("div", { dataset: { total: k } },
          h("dt", {}, h("a", { href }, k)), h("dd", {}, fmt(v))))),
    s.top_speakers.length
      ? h("div", {},
          h("p", {}, `Quoted most ${when}:`),
          h("ol", { class: "glance-top" }, ...s.top_speakers.map((p) =>
            h("li", {}, h("a", { href: `#/search?speaker=${encodeURIComponent(p.name)}` }, p.name),
              ` — ${fmt(p.quotes)} quote${p.quotes === 1 ? "" : "s"}`))))
      : h("p", {}, "No quote has a speaker yet."),
    h("p", {}, h("a", { href: "/report" }, "Who gets quoted: the report →")),
  );
  el.hidden = false;
}
