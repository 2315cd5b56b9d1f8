"""Finding the figures in imported text: 受理来信来访12件 → {{f01}} with a Figure.

Only a number that renders back to exactly the same characters becomes a
figure (so 3.50 or 1,234 stay text), and years become {{year}}/{{next_year}}
(and “八五”普法的第四年 {{pufa_plan}}/{{pufa_year}}).
Text inside 《》 (names of laws and documents) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from ..figures import MAX_FIGURE, default_kind, format_figure, normalize_decimal
from ..figuretext import pufa_placeholders
from ..interchange import MAX_FIGURES
from ..model import Figure

#: Units that follow a count in a report, longest first where one is a prefix of another.
UNITS = (
    "个百分点",
    "平方公里",
    "平方米",
    "人次",
    "家次",
    "户次",
    "车次",
    "批次",
    "余次",
    "万元",
    "亿元",
    "公里",
    "千米",
    "小时",
    "分钟",
    "元",
    "米",
    "亩",
    "吨",
    "天",
    "件",
    "起",
    "个",
    "项",
    "人",
    "次",
    "场",
    "份",
    "户",
    "名",
    "篇",
    "条",
    "期",
    "处",
    "所",
    "座",
    "台",
    "辆",
    "家",
    "类",
    "批",
    "组",
    "支",
    "宗",
    "封",
    "册",
    "本",
    "张",
    "块",
    "部",
    "轮",
    "分",
    "%",
)
_UNIT_RE = "|".join(re.escape(u) for u in sorted(set(UNITS) - {"余次"}, key=len, reverse=True))
FIGURE_RE = re.compile(
    r"(?<![\dA-Za-z.\-_/{:第])"
    r"(?P<pre>约|近|逾|超过)?"
    r"(?P<num>\d{1,13}(?:\.\d{1,4})?)(?![\d.])"
    r"(?P<infix>余|多)?"
    rf"(?P<unit>(?:万|亿)?(?:{_UNIT_RE}))"
    r"(?P<suffix>以上|以下|左右)?"
)
YEAR_RE = re.compile(r"(?<![\d.])(\d{4})(?=年)")
_BOOK_TITLE = re.compile(r"《[^《》]{0,200}》")
_LABEL_STOP = set("，。；：、！？（）()“”‘’《》【】 \u3000}0123456789.%")
_LABEL_TRIM_START = ("其中", "共计", "累计", "全年共", "共", "年以来", "以来", "年", "均", "并", "及", "和", "是")
_LABEL_TRIM_END = ("达到", "达", "为", "共", "约", "近", "超过", "有")
MAX_LABEL = 20


def _outside_book_titles(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> str:
    """Apply ``pattern.sub(repl)`` to the text outside 《…》."""
    out: list[str] = []
    pos = 0
    for m in _BOOK_TITLE.finditer(text):
        out.append(pattern.sub(repl, text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(pattern.sub(repl, text[pos:]))
    return "".join(out)


def year_placeholders(text: str, year: int) -> str:
    """2024年 → {{year}}年 and 2025年 → {{next_year}}年 for a 2024 report, and the 普法 plan and
    its year that fit the report year (“八五”普法的第四年) → {{pufa_plan}}, {{pufa_year}}."""
    text = pufa_placeholders(text, year)

    def sub(m: re.Match[str]) -> str:
        y = int(m.group(1))
        if y == year:
            return "{{year}}"
        if y == year + 1:
            return "{{next_year}}"
        return m.group(1)

    return _outside_book_titles(text, YEAR_RE, sub)


def _label(text: str, end: int) -> str:
    """The words just before ``text[end]``: 受理来信来访 in 共受理来信来访12件."""
    i = end
    while i > 0 and text[i - 1] not in _LABEL_STOP and end - i < MAX_LABEL:
        i -= 1
    label = text[i:end]
    changed = True
    while changed and label:
        changed = False
        for w in _LABEL_TRIM_START:
            if label.startswith(w) and len(label) > len(w):
                label, changed = label[len(w) :], True
        for w in _LABEL_TRIM_END:
            if label.endswith(w) and len(label) > len(w):
                label, changed = label[: -len(w)], True
    return label


class FigureExtractor:
    """Collects figures over the texts of one report, numbering keys f01, f02 …"""

    def __init__(self) -> None:
        self.figures: dict[str, Figure] = {}

    def _next_key(self) -> str:
        return f"f{len(self.figures) + 1:02d}"

    def extract(self, text: str) -> str:
        def sub(m: re.Match[str]) -> str:
            if len(self.figures) >= MAX_FIGURES:
                return m.group(0)  # more than any report has: the rest stays text
            try:
                value = Decimal(m.group("num"))
            except InvalidOperation:  # pragma: no cover - the pattern guards this
                return m.group(0)
            if value > MAX_FIGURE:
                return m.group(0)
            pre, infix, suffix = m.group("pre") or "", m.group("infix") or "", m.group("suffix") or ""
            kept_prefix = ""
            qualifier = infix or suffix
            if infix and suffix:
                return m.group(0)
            if qualifier and pre:
                kept_prefix = pre  # only one qualifier per figure: the prefix stays text
            elif pre:
                qualifier = pre
            label = _label(m.string, m.start() + len(kept_prefix))
            fig = Figure(
                key=self._next_key(),
                label=label,
                value=normalize_decimal(value),
                unit=m.group("unit"),
                qualifier=qualifier,
            )
            original = m.group(0)[len(kept_prefix) :]
            if format_figure(fig, fig.value) != original:
                return m.group(0)  # 05件, 3.50万元: keep the text exactly as written
            if not fig.label:
                fig.label = f"数据{len(self.figures) + 1}"
            fig.kind = default_kind(fig.label, fig.unit)
            self.figures[fig.key] = fig
            return kept_prefix + "{{" + fig.key + "}}"

        return _outside_book_titles(text, FIGURE_RE, sub)
