"""Placeholders as a clerk reads them: ``{{petitions_received}}`` is shown and
typed as 【受理来信来访】, ``{{year}}`` as 【报告年份】.

The model keeps ``{{key}}``; the text fields convert on the way in and out.
Only labels that identify one figure are shown this way (a duplicate or a
label containing 【】 keeps its ``{{key}}``), so the conversion is lossless.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .model import PLACEHOLDER_RE, Report, pufa_cycle

YEAR_LABELS = {
    "year": "报告年份",
    "next_year": "下一年份",
    "prev_year": "上一年份",
    "pufa_plan": "普法规划",
    "pufa_year": "普法第几年",
}
TOKEN_RE = re.compile(r"【([^【】{}]{1,64})】")

_NUMERAL = "一二三四五六七八九十"
#: “八五”普法的第四年, 八五普法, "九五"普法第一年 (the quotes kept as written).
PUFA_RE = re.compile(
    rf"(?<![{_NUMERAL}])(?P<open>[“\"「]?)(?P<plan>[{_NUMERAL}]{{0,2}}[{_NUMERAL}]五)(?P<close>[”\"」]?)普法"
    rf"(?:(?P<of>的)?(?P<ordinal>第[一二三四五]年))?"
)
_BOOK_TITLE = re.compile(r"《[^《》]{0,200}》")


def pufa_placeholders(text: str, year: int) -> str:
    """“八五”普法的第四年 → “{{pufa_plan}}”普法的{{pufa_year}} in a 2024 text, so that next year's
    report reads 第五年 and 2026's “九五”普法的第一年.

    Only what fits ``year`` is replaced (a 2024 text's “七五”普法 is history and stays, as does a
    plan whose year does not fit); names of documents in 《》 are left alone."""
    if "普法" not in text:
        return text
    plan, ordinal = pufa_cycle(year)

    def sub(m: re.Match[str]) -> str:
        if m.group("plan") != plan or (m.group("ordinal") and m.group("ordinal") != ordinal):
            return m.group(0)
        out = m.group("open") + "{{pufa_plan}}" + m.group("close") + "普法"
        if m.group("ordinal"):
            out += (m.group("of") or "") + "{{pufa_year}}"
        return out

    return outside_book_titles(text, PUFA_RE, sub)


def outside_book_titles(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> str:
    """Apply ``pattern.sub(repl)`` to the text outside 《…》 (a document's name is quoted, not rewritten)."""
    out: list[str] = []
    pos = 0
    for m in _BOOK_TITLE.finditer(text):
        out.append(pattern.sub(repl, text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(pattern.sub(repl, text[pos:]))
    return "".join(out)


class FigureText:
    """The label ↔ key mapping of one report at one moment."""

    def __init__(self, report: Report | None):
        labels: dict[str, str] = dict(YEAR_LABELS)
        if report is not None:
            counts = Counter(f.label for f in report.figures.values())
            for key, fig in report.figures.items():
                label = fig.label.strip()
                if label and counts[fig.label] == 1 and label not in YEAR_LABELS.values():
                    labels[key] = label
        # a label must be a clean token, and unique across keys
        seen = Counter(labels.values())
        self.label_of = {k: v for k, v in labels.items() if seen[v] == 1 and TOKEN_RE.fullmatch(f"【{v}】")}
        self.key_of = {v: k for k, v in self.label_of.items()}
        self.keys = set(report.figures) if report is not None else set()

    def token(self, key: str) -> str:
        label = self.label_of.get(key)
        return f"【{label}】" if label else "{{" + key + "}}"

    def to_display(self, raw: str) -> str:
        if "{{" not in raw:
            return raw
        return PLACEHOLDER_RE.sub(lambda m: self.token(m.group(1)), raw)

    def to_raw(self, shown: str) -> str:
        if "【" not in shown:
            return shown

        def sub(m: re.Match[str]) -> str:
            key = self.key_of.get(m.group(1))
            return "{{" + key + "}}" if key else m.group(0)

        return TOKEN_RE.sub(sub, shown)

    def kind(self, label: str) -> str | None:
        """'year' or 'figure' for a known 【label】, else None."""
        key = self.key_of.get(label)
        if key is None:
            return None
        return "year" if key in YEAR_LABELS else "figure"
