"""Finding the figures in imported text: 受理来信来访12件 → {{f01}} with a Figure.

Only a number that renders back to exactly the same characters becomes a
figure (so 3.50 or 1,234 stay text), and years become {{year}}/{{next_year}}
(and “八五”普法的第四年 {{pufa_plan}}/{{pufa_year}}).
Text inside 《》 (names of laws and documents) is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..figures import default_kind, format_figure, normalize_decimal
from ..figuretext import outside_book_titles, pufa_placeholders
from ..limits import MAX_FIGURES, MAX_VALUE
from ..model import NOTE_INTRO, NOTE_SECTION, Figure, ImportNote

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
    # The lookahead only names what a match starts with (a prefix or a digit): the regular
    # expression engine then skips other characters quickly instead of trying the lookbehind at each.
    r"(?=[约近逾超\d])"
    r"(?<![\dA-Za-z.\-_/{:第])"
    r"(?P<pre>约|近|逾|超过)?"
    r"(?P<num>\d{1,13}(?:\.\d{1,4})?)(?![\d.])"
    r"(?P<infix>余|多)?"
    rf"(?P<unit>(?:万|亿)?(?:{_UNIT_RE}))"
    r"(?P<suffix>以上|以下|左右)?"
)
_DIGIT = re.compile(r"\d")
YEAR_RE = re.compile(r"(?=\d)(?<![\d.])(\d{4})(?=年)")  # (?=\d): as in FIGURE_RE, a quick first test
_LABEL_STOP = set("，。；：、！？（）()“”‘’《》【】 \u3000}0123456789.%")
_LABEL_TRIM_START = ("其中", "共计", "累计", "全年共", "共", "年以来", "以来", "年", "均", "并", "及", "和", "是")
_LABEL_TRIM_END = ("达到", "达", "为", "共", "约", "近", "超过", "有")
MAX_LABEL = 20
#: A number after these words in its clause counts how often, not how much (每年开展1次, 每月1次).
FREQUENCY_WORDS = ("每年", "每季度", "每季", "每月", "每半月", "每周", "每旬", "每日", "每天", "每半年", "每")
_FREQUENCY = re.compile("|".join(re.escape(w) for w in FREQUENCY_WORDS))
#: After the number: an ordinal or a period of the year, not a count (1季度, 3月份).
_NOT_A_COUNT_AFTER = ("季度", "月份", "号文", "周年")
#: A label this short names a result of the figure before it: 办结 → 办结来信来访.
_RESULT_VERBS = (
    "办结",
    "已办结",
    "已整改",
    "已整治",
    "整改",
    "化解",
    "已化解",
    "调解成功",
    "回复",
    "已回复",
    "结案",
    "已结案",
    "完成",
    "已完成",
    "处理",
    "已处理",
    "销号",
    "已销号",
)
#: Verbs that open a label, before its object: 受理来信来访 → 来信来访.
_LEAD_VERBS = ("受理", "排查", "发现", "接收", "收到", "下达", "开展", "组织", "检查", "办理", "调处", "排查出", "摸排")
_CLAUSE_STOP = "，。；：！？"


def year_placeholders(text: str, year: int) -> str:
    """2024年 → {{year}}年 and 2025年 → {{next_year}}年 for a 2024 report, and the 普法 plan and
    its year that fit the report year (“八五”普法的第四年) → {{pufa_plan}}, {{pufa_year}}."""
    text = pufa_placeholders(text, year)
    if "年" not in text:  # what YEAR_RE needs after the digits
        return text

    def sub(m: re.Match[str]) -> str:
        y = int(m.group(1))
        if y == year:
            return "{{year}}"
        if y == year + 1:
            return "{{next_year}}"
        return m.group(1)

    return outside_book_titles(text, YEAR_RE, sub)


def label_before(text: str, end: int) -> str:
    """The words just before ``text[end]``: 受理来信来访 in 共受理来信来访12件."""
    i = end
    while i > 0 and end - i < MAX_LABEL:
        if text[i - 1] == "）" and i < end:  # 责令（限期）整改通知书: a short aside inside the name
            j = text.rfind("（", max(0, i - 8), i - 1)
            if j > 0 and text[j - 1] not in _LABEL_STOP:
                i = j
                continue
        if text[i - 1] in _LABEL_STOP:
            break
        i -= 1
    label = text[i:end]
    changed = True
    while changed and label:
        changed = False
        if label.startswith(_LABEL_TRIM_START):  # one test of all words before the word-by-word pass
            for w in _LABEL_TRIM_START:
                if label.startswith(w) and len(label) > len(w):
                    label, changed = label[len(w) :], True
        if label.endswith(_LABEL_TRIM_END):
            for w in _LABEL_TRIM_END:
                if label.endswith(w) and len(label) > len(w):
                    label, changed = label[: -len(w)], True
    return label


def _clause_before(text: str, end: int) -> str:
    return text[max(text.rfind(c, 0, end) for c in _CLAUSE_STOP) + 1 : end]


def is_frequency(text: str, start: int, end: int) -> bool:
    """每年开展1次, 每月1次, 1季度: a number that says how often or which, not a yearly count."""
    return _FREQUENCY.search(_clause_before(text, start)) is not None or text.startswith(_NOT_A_COUNT_AFTER, end)


def _object_of(label: str) -> str:
    for lead in ("全年共", "全年", "累计", "共计", "共"):
        if label.startswith(lead) and len(label) > len(lead) + 1:
            label = label[len(lead) :]
            break
    for verb in sorted(_LEAD_VERBS, key=len, reverse=True):
        if label.startswith(verb) and len(label) > len(verb) + 1:
            return label[len(verb) :]
    return label


def _rate_formula(rate: Figure, before: list[Figure]) -> tuple[Figure, Figure] | None:
    """办结率100% with 受理12件 and 办结12件 before it in the paragraph: (numerator, denominator)."""
    if rate.unit != "%" or not rate.label.endswith("率") or rate.value is None or rate.qualifier:
        return None
    stem = rate.label[:-1]
    if not stem:
        return None
    for num in reversed(before):
        if num.value is None or not (num.label.startswith(stem) or stem in num.label):
            continue
        for den in reversed(before):
            if den is num or den.value is None or den.unit != num.unit or not den.value:
                continue
            exact = num.value / den.value * 100
            q = Decimal(1).scaleb(-rate.decimals)
            if exact.quantize(q, rounding=ROUND_HALF_UP) == rate.value.quantize(q, rounding=ROUND_HALF_UP):
                return num, den
        return None
    return None


class FigureExtractor:
    """Collects figures over the texts of one report, numbering keys f01, f02 …"""

    def __init__(self) -> None:
        self.figures: dict[str, Figure] = {}
        self.notes: list[ImportNote] = []
        self.place = ""  # where the text being read stands, for the notes: 一、（二）
        self.section_uid = ""  # the section read now ("": the opening paragraphs)
        self._labels: Counter[str] = Counter()

    def _next_key(self) -> str:
        return f"f{len(self.figures) + 1:02d}"

    def _name(self, fig: Figure, before: list[tuple[Figure, int]], text: str, start: int) -> None:
        """A readable name, unique in the report: 办结 → 办结来信来访, a second 受理 → 受理（2）."""
        if before and fig.label in _RESULT_VERBS:
            prev, prev_end = before[-1]
            if not any(c in text[prev_end:start] for c in "。；！？"):  # the same clause
                obj = _object_of(re.sub(r"（\d+）$", "", prev.label))
                if obj and obj not in fig.label:
                    fig.label += obj
        base = fig.label
        self._labels[base] += 1
        if self._labels[base] > 1:
            fig.label = f"{base}（{self._labels[base]}）"

    def at(self, place: str, section_uid: str = "") -> None:
        """The texts read next stand at ``place`` (一、（二）), in that section ("": the opening)."""
        self.place, self.section_uid = place, section_uid

    def extract(self, text: str) -> str:
        before: list[tuple[Figure, int]] = []  # the figures of this paragraph so far, with where they end

        def sub(m: re.Match[str]) -> str:
            if len(self.figures) >= MAX_FIGURES:
                return m.group(0)  # more than any report has: the rest stays text
            if is_frequency(m.string, m.start(), m.end()):
                return m.group(0)  # 每年开展1次: how often, not how much
            try:
                value = Decimal(m.group("num"))
            except InvalidOperation:  # pragma: no cover - the pattern guards this
                return m.group(0)
            if value > MAX_VALUE:
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
            label = label_before(m.string, m.start() + len(kept_prefix))
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
            self._derive(fig, [f for f, _ in before], m.group("num"))
            self._name(fig, before, m.string, m.start())
            self.figures[fig.key] = fig
            before.append((fig, m.end()))
            return kept_prefix + "{{" + fig.key + "}}"

        if _DIGIT.search(text) is None:  # every figure has one
            return text
        return outside_book_titles(text, FIGURE_RE, sub)

    def _derive(self, fig: Figure, before: list[Figure], typed: str) -> None:
        fig.decimals = len(typed.partition(".")[2])
        found = _rate_formula(fig, before)
        if found is None:
            fig.decimals = 0
            return
        num, den = found
        fig.formula = f"{num.key} / {den.key} * 100"
        fig.value = None
        if not num.at_most:
            num.at_most = den.key
        text = f"“{fig.label}”由“{num.label}”和“{den.label}”算出，已改为自动计算（{num.label} ÷ {den.label} × 100）。"
        part = NOTE_SECTION if self.section_uid else NOTE_INTRO
        self.notes.append(ImportNote(text, part, self.section_uid, self.place))
