"""The report as one self-contained HTML page: inline CSS and SVG charts, no script and
nothing fetched, so the file opens offline; every number is also in a table cell whose
`data-value` is the JSON's value."""
from __future__ import annotations

from html import escape
from typing import Any

from onrecord.report.build import Report
from onrecord.report.rows import By
from onrecord.report.tables import Table

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;
color:#222}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .4rem;
border-bottom:1px solid #ddd}
.totals{display:flex;flex-wrap:wrap;gap:.6rem;margin:.8rem 0}
.totals div{background:#f4f4f6;border-radius:6px;padding:.4rem .7rem}
.totals b{display:block;font-size:1.2rem}
table{border-collapse:collapse;font-size:12px;margin:.4rem 0 1rem;display:block;overflow-x:auto}
th,td{border-bottom:1px solid #eee;padding:2px 6px;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
figure{margin:.4rem 0}figure svg{max-width:100%;height:auto}
.method{background:#fafafa;border-left:3px solid #999;padding:.3rem 1rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.6rem 0}
form label{display:flex;flex-direction:column;font-size:12px}
"""

METHOD = """
<p>Each quote onrecord found in the store's articles is counted once; near-duplicate copies of
an article (the store's <code>duplicates</code> table) count once, and an article sent under
several ids counts once. With <em>count: statements</em>, the same words carried by several
articles (<code>onrecord statements</code>) count once in each group.</p>
<p><b>Gender</b> is the gender the article presents (an honorific or kin word such as Ms, Mr,
mother; the pronouns the article uses for the person) or, when the article shows none, the
gender most bearers of the first name have in the statistics of the <code>nomquamgender</code>
package, used only when at least 80% of the name's recorded bearers (ten or more) share it
(a name that 80-90% share yields to any pronoun the article uses). It is never a
statement about a person's identity. <b>Unknown</b> is always shown: it counts people for whom
neither decides (an unclear or rare first name, a surname alone), and it is part of every
share. Gender counts only quotes by named people (source kind <em>person</em>).</p>
<p><b>Source kind</b>: <em>person</em> (a named person, or a pronoun tied to none),
<em>organisation</em>, <em>unnamed</em> (a spokesperson, officials, a source close to ...),
<em>document</em> (a statement, a report); <em>none</em>: the article gives no source.
<b>Role</b> comes from the titles and descriptors the text gives (a word list per role, in
<code>onrecord/lexicon/roles.py</code>); <em>no role</em> when none is given.
<b>Distinct people</b> are speakers merged across articles by the store; a person's gender is
the one most of their articles give. <b>Words per person</b>: the words of their quotes.</p>
<p><b>Limits</b>: counts are only as good as the extraction (about 96% of speakers right on
the team's evaluation articles); the first-name statistics reflect the places they were
recorded in and are wrong for some people; topics come from the input's own
topic/section/category field, else the first segment of the URL path.</p>
"""


def _cell(v: Any, col: str) -> str:
    if v is None:
        return "<td></td>"
    if isinstance(v, float) and col.startswith("share"):
        return f'<td data-value="{v}">{v * 100:.1f}%</td>'
    if isinstance(v, (int, float)):
        return f'<td data-value="{v}">{v:,}</td>'
    return f"<td>{escape(str(v))}</td>"


def table_html(t: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in t.columns)
    body = "".join("<tr>" + "".join(_cell(v, c) for v, c in zip(r, t.columns)) + "</tr>"
                   for r in t.rows)
    return f'<table data-table="{t.name}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _totals(r: Report) -> str:
    t = r.totals
    items = [("articles", t["articles"]), (r.count, t["counted"]),
             ("attributed", t["attributed"]), ("by people", t["by_people"]),
             ("people quoted", t["people"]),
             ("women, of quotes by people", f"{t['share_women_of_people_quoted'] * 100:.1f}%"),
             ("men", f"{t['share_men_of_people_quoted'] * 100:.1f}%"),
             ("gender unknown", f"{t['share_unknown_of_people_quoted'] * 100:.1f}%"),
             ("unnamed sources", f"{t['share_unnamed'] * 100:.1f}%")]
    return '<div class="totals">' + "".join(
        f'<div data-total="{escape(k)}"><b>{v if isinstance(v, str) else f"{v:,}"}</b>'
        f'{escape(k)}</div>' for k, v in items) + "</div>"


def _form(r: Report, action: str) -> str:
    f = r.filters
    opts = "".join(f'<option{" selected" if b is r.by else ""}>{b.value}</option>' for b in By)
    counts = "".join(f'<option{" selected" if c == r.count else ""}>{c}</option>'
                     for c in ("quotes", "statements"))
    return (f'<form method="get" action="{escape(action)}" id="report-filters">'
            f'<label>by<select name="by">{opts}</select></label>'
            f'<label>count<select name="count">{counts}</select></label>'
            f'<label>since<input name="since" value="{escape(f.since or "")}" size="10"></label>'
            f'<label>until<input name="until" value="{escape(f.until or "")}" size="10"></label>'
            f'<label>outlet<input name="outlet" value="{escape(",".join(f.outlets))}"></label>'
            '<button type="submit">Show</button></form>')


SECTIONS = (
    ("gender_quotes", "Quotes by gender"),
    ("gender_sources", "Distinct people quoted, by gender"),
    ("kinds", "Kind of source (unnamed sources included)"),
    ("roles", "Role of the source"),
    ("words", "Words quoted per person"),
)


def render(r: Report, *, title: str = "Who gets quoted", form_action: str | None = None,
           store: str | None = None) -> str:
    """The whole page; `form_action` adds the filter form (the viewer's /report)."""
    f = r.filters
    what = [f"by {r.by.value}", f"counting {r.count}"]
    if f.since or f.until:
        what.append(f"published {f.since or '…'} to {f.until or '…'}")
    if f.outlets:
        what.append("outlets matching " + ", ".join(f.outlets))
    parts = [f"<h1>{escape(title)}</h1>",
             f"<p>{escape(store or '')} — {escape('; '.join(what))}</p>"]
    if form_action is not None:
        parts.append(_form(r, form_action))
    parts.append(_totals(r))
    for b in dict.fromkeys([r.by, By.MONTH]):
        for key, heading in SECTIONS:
            t = r.table(f"{key}_by_{b.value}")
            if t is None:
                continue
            parts.append(f'<section id="{t.name}"><h2>{escape(heading)}, by {b.value}</h2>')
            svg = r.charts.get(t.name)
            if svg:
                parts.append(f'<figure data-chart="{t.name}">{svg}</figure>')
            parts.append(table_html(t) + "</section>")
    if "over_time" in r.charts:
        parts.append('<section id="over_time"><h2>Over time</h2>'
                     f'<figure data-chart="over_time">{r.charts["over_time"]}</figure></section>')
    top = r.table("top_speakers")
    if top is not None:
        svg = r.charts.get("top_speakers", "")
        parts.append('<section id="top_speakers"><h2>Top speakers</h2>'
                     + (f'<figure data-chart="top_speakers">{svg}</figure>' if svg else "")
                     + table_html(top) + "</section>")
    parts.append(f'<section id="method"><h2>Method and limits</h2><div class="method">{METHOD}'
                 "</div></section>")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
            + "".join(parts) + "</body></html>\n")
