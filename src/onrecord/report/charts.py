"""The report's charts, drawn on the server by matplotlib (Agg, no display) as inline SVG:
nothing to download when the report is opened, and the same picture for the same store."""
from __future__ import annotations

import io
import re
from typing import Any

from onrecord.report.tables import GENDERS, KINDS, ROLES, Table

# At most this many groups in a bar chart (the table below it has them all).
MAX_BARS = 12
COLOURS = {
    "female": "#c2185b", "male": "#1976d2", "unknown": "#9e9e9e",
    "person": "#2e7d32", "organisation": "#f9a825", "unnamed": "#6a1b9a",
    "document": "#00838f", "none": "#bdbdbd", "no role": "#bdbdbd",
    "politician/official": "#283593", "spokesperson": "#ef6c00", "police/legal": "#4e342e",
    "expert/academic": "#00897b", "business": "#f9a825", "athlete/coach": "#7cb342",
    "citizen/witness": "#8e24aa",
}
_PALETTE = ["#1b5e20", "#e65100", "#4527a0", "#ad1457", "#00695c", "#283593", "#827717"]
_HEADER = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.hashsalt": "onrecord", "font.size": 9,
                         "axes.spines.top": False, "axes.spines.right": False})
    return plt


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    _plt().close(fig)
    return _METADATA.sub("", _HEADER.sub("", buf.getvalue(), count=1), count=1)


def _colour(cat: str, i: int) -> str:
    return COLOURS.get(cat, _PALETTE[i % len(_PALETTE)])


def stacked(table: Table, cats: list[str], title: str) -> str:
    """Horizontal bars of each group's shares, one colour per category, largest groups."""
    plt = _plt()
    idx = {c: i for i, c in enumerate(table.columns)}
    rows = table.rows[:MAX_BARS]
    labels = [f"{r[0]} ({r[1]})" for r in rows][::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(rows) + 1.4))
    left = [0.0] * len(rows)
    for i, c in enumerate(cats):
        vals = [r[idx[f"share {c}"]] for r in rows][::-1]
        ax.barh(labels, vals, left=left, color=_colour(c, i), label=c)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_xlim(0, 1)
    ax.set_xlabel("share")
    ax.set_title(title, loc="left")
    ax.legend(ncol=min(len(cats), 4), fontsize=8, loc="upper center",
              bbox_to_anchor=(0.5, -0.18 if len(rows) > 3 else -0.35), frameon=False)
    return _svg(fig)


def over_time(tables: dict[str, Table]) -> str | None:
    """Share of women among quotes by people, and of unnamed sources, month by month; None
    when fewer than two months are dated."""
    g, k = tables.get("gender_quotes_by_month"), tables.get("kinds_by_month")
    if g is None or k is None:
        return None
    gi, ki = {c: i for i, c in enumerate(g.columns)}, {c: i for i, c in enumerate(k.columns)}
    grows = [r for r in g.rows if r[0][:1].isdigit()]
    krows = [r for r in k.rows if r[0][:1].isdigit()]
    if len(grows) < 2:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.5, 3))
    ax.plot([r[0] for r in grows], [r[gi["share female"]] for r in grows], marker="o",
            color=COLOURS["female"], label="women, of quotes by people")
    ax.plot([r[0] for r in grows], [r[gi["share unknown"]] for r in grows], marker=".",
            color=COLOURS["unknown"], label="gender unknown, of quotes by people")
    ax.plot([r[0] for r in krows], [r[ki["share unnamed"]] for r in krows], marker="s",
            color=COLOURS["unnamed"], label="unnamed sources, of all quotes")
    ax.set_ylim(0, 1)
    ax.set_ylabel("share")
    ax.set_title("Over time", loc="left")
    ax.tick_params(axis="x", rotation=45)
    ax.legend(fontsize=8, frameon=False)
    return _svg(fig)


def words(table: Table, title: str) -> str:
    """Words quoted per person quoted, grouped bars by gender."""
    plt = _plt()
    idx = {c: i for i, c in enumerate(table.columns)}
    rows = table.rows[:MAX_BARS]
    fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(rows) + 1.4))
    h = 0.8 / len(GENDERS)
    for i, gname in enumerate(GENDERS):
        ys = [n + i * h for n in range(len(rows))]
        ax.barh(ys, [r[idx[f"words per source {gname}"]] for r in rows], height=h,
                color=_colour(gname, i), label=gname)
    ax.set_yticks([n + h for n in range(len(rows))], [str(r[0]) for r in rows])
    ax.invert_yaxis()
    ax.set_xlabel("words per person")
    ax.set_title(title, loc="left")
    ax.legend(fontsize=8, frameon=False)
    return _svg(fig)


def top(table: Table) -> str:
    """The top speakers' counts, coloured by gender (grey: not a person, or unknown)."""
    plt = _plt()
    rows = table.rows
    fig, ax = plt.subplots(figsize=(7.5, 0.3 * len(rows) + 1))
    ax.barh([r[0] for r in rows][::-1], [r[1] for r in rows][::-1],
            color=[COLOURS.get(r[6] or "none", "#bdbdbd") for r in rows][::-1])
    ax.set_xlabel(table.columns[1])
    ax.set_title("Top speakers (pink: women, blue: men, grey: unknown or not a person)",
                 loc="left")
    return _svg(fig)


def charts(tables: dict[str, Table], by: str) -> dict[str, str]:
    """Every chart, by the table it draws (`over_time` for the monthly lines)."""
    out = {}
    for name, cats, title in (
            (f"gender_quotes_by_{by}", GENDERS, "Quotes by people, by gender"),
            (f"gender_sources_by_{by}", GENDERS, "Distinct people quoted, by gender"),
            (f"kinds_by_{by}", KINDS, "Quotes by kind of source"),
            (f"roles_by_{by}", ROLES, "Attributed quotes by role of the source")):
        if tables.get(name) and tables[name].rows:
            out[name] = stacked(tables[name], cats, title)
    if tables.get(f"words_by_{by}") and tables[f"words_by_{by}"].rows:
        out[f"words_by_{by}"] = words(tables[f"words_by_{by}"], "Words quoted per person")
    line = over_time(tables)
    if line:
        out["over_time"] = line
    if tables.get("top_speakers") and tables["top_speakers"].rows:
        out["top_speakers"] = top(tables["top_speakers"])
    return out
