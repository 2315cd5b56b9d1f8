"""Finding the figures in imported text: 受理来信来访12件 → {{f01}} with a Figure.

Only a number that renders back to exactly the same characters becomes a
figure (so 3.50 or 1,234 stay text), and years become {{year}}/{{next_year}}
(and “八五”普法的第四年 {{pufa_plan}}/{{pufa_year}}).
Text inside 《》 (names of laws and documents) is left alone.
"""

from __future__ import annotations

import functools
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
    "件次",
    "场次",
    "家次",
    "户次",
    "车次",
    "批次",
    "项次",
    "期次",
    "班次",
    "轮次",
    "个次",
    "余次",
    "万元",
    "亿元",
    "公里",
    "千米",
    "小时",
    "分钟",
    "课时",
    "学时",
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
    "位",
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
    "套",
    "间",
    "栋",
    "幅",
    "面",
    "节",
    "门",
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
#: What is left of a number's unit at the start of the words after it: 余份 of 400余份.
_DIGIT_OR_BRACE = re.compile(r"[\d}]")
_LAST_NUMBER = re.compile(r".*[\d}]", re.S)
_LEFTOVER = re.compile(rf"^(?:余|多)?(?:万|亿)?(?:{_UNIT_RE})(?:以上|以下|左右)?")
YEAR_RE = re.compile(r"(?=\d)(?<![\d.])(\d{4})(?=年)")  # (?=\d): as in FIGURE_RE, a quick first test
_LABEL_STOP = set("，。；：、！？（）()“”‘’《》【】 \u3000%")
#: Words that say when, not what: 截至10月, 今年以来, {{year}}年, 1-10月, 全年 (a label never starts with one).
TIME_WORDS = re.compile(
    r"截[至止](?:目前|\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|份)?"
    r"|(?:\d{4}|\{\{(?:year|next_year)\}\})年(?:度|以来|初以来|初|内|底|末|全年)?"
    r"|\d{1,2}(?:[-—至到~]\d{1,2})?月(?:份)?(?:\d{1,2}日)?(?:以来|底|末|中旬|上旬|下旬)?"
    r"|(?:今年|本年度|年初|近年|近期|同期|当年)(?:以来|来)?"
    r"|(?:全年度|全年|年内|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|目前|现已|当前)"
)
#: Where the count stands, not what it counts: 全镇, 我乡, 辖区内.
PLACE_WORDS = re.compile(
    r"^(?:[全我本该]街道|[全我本该][镇乡县区市村]|全辖区|辖区内|辖区|镇域内|镇域|乡域|全域|镇村两级|各村（社区）|各村)"
)
#: Qualifiers and filler that open a phrase without naming anything: 共有, 累计, 其中, 约.
LEAD_FILLER = (
    "全年共",
    "其中",
    "共计",
    "总计",
    "合计",
    "累计",
    "共有",
    "现有",
    "另有",
    "尚有",
    "拥有",
    "超过",
    "达到",
    "全部",
    "以来",
)
#: One-character qualifiers and joining words, stripped unless they begin a word (有效, 及时, 共建).
LEAD_CHARS = "共约近逾超达均并及和与是有"
_KEEP_WORDS = (
    "有效",
    "有序",
    "有力",
    "及时",
    "和谐",
    "共建",
    "共享",
    "共治",
    "约谈",
    "超标",
    "达标",
    "均衡",
    "与会",
    "是否",
    "有关",
    "超市",
    "和美",
    "共青",
    "达成",
)
#: Words that end the phrase before a value without naming anything: 达, 为, 不少于, 降至.
#: (行为, 平均, 公约 …: where the character ends a word, it stays.)
_LABEL_TRIM_END = (
    "不少于",
    "不低于",
    "不超过",
    "提高到",
    "提高至",
    "提升至",
    "增加到",
    "增至",
    "降至",
    "降到",
    "达到",
    "超过",
    "共计",
    "累计",
    "合计",
    "总计",
    "分别",
    "(?<![到表送])达",
    "(?<![行作认成])为",
    "(?<![公])共",
    "(?<![节合公契])约",
    "(?<![附就邻])近",
    "(?<![所拥具])有",
    "(?<![目])的",
    "仅",
    "只",
    "(?<![人平])均",
)
#: What a count of people or things is called when nothing in its clause names it: 12件 → 件数.
UNIT_NOUNS = {
    "%": "比例",
    "个百分点": "百分点",
    "元": "金额",
    "万元": "金额",
    "亿元": "金额",
    "亩": "面积",
    "平方米": "面积",
    "平方公里": "面积",
    "公里": "里程",
    "千米": "里程",
    "米": "长度",
    "吨": "重量",
    "小时": "时长",
    "分钟": "时长",
    "天": "天数",
    "分": "分数",
}
_TRAILING = re.compile("(?:" + "|".join(_LABEL_TRIM_END) + ")+$")
_TRAILING_LAST = frozenset(w[-1] for w in _LABEL_TRIM_END)  # a quick test before the pattern
MAX_LABEL = 20
_SCAN = 40  # how far back a label is looked for, before time words and filler are taken out
_STOP_CLASS = "".join(re.escape(c) for c in sorted(_LABEL_STOP))
#: The words before a number up to a mark that ends them, a short aside (责令（限期）整改通知书) or a
#: quoted name (开展“法律进村”活动) inside; never ending with the aside or the quote.
_LABEL_TAIL = re.compile(
    rf"(?:[^{_STOP_CLASS}]|(?<=[^{_STOP_CLASS}])（[^（）]{{0,6}}）(?!\Z)|“[^“”]{{0,12}}”(?!\Z))*\Z"
)
_TIME_WITH_DIGITS = re.compile(
    r"截[至止](?:\d{1,2}月(?:\d{1,2}日)?(?:底|末|份)?)"
    r"|(?:\d{4}|\{\{(?:year|next_year)\}\})年(?:度|以来|初以来|初|内|底|末)?"
    r"|\d{1,2}(?:[-—至到~]\d{1,2})?月份?(?:\d{1,2}日)?(?:以来|底|末|中旬|上旬|下旬)?"
    r"|(?:近|过去)?\d{1,2}年(?:来|以来)"
)
#: Time words and filler taken out wherever they stand in a label: 党委全年召开会议, 司法所现有人员.
_ANYWHERE = re.compile("今年以来|今年|全年度|全年|年内|现有|共有|全镇|全乡|全县|全街道")
#: Measure words that may stand before the noun they count: 3名执法人员, 29位经济楼长, 12个村委会.
MEASURE_WORDS = frozenset("位名人个支家所处场次项件起份期篇条户座台辆类批组宗套间栋幅面节门册本张块部轮封")
#: Where a noun after its measure word ends: a verb or joining word that starts the predicate.
_NOUN_END = (
    "全部|均|都|已|正|参加|参与|取得|持证|开展|进行|负责|共同|深入|组成|实现|覆盖|受益|签订|入驻|"
    "坚持|通过|完成|获得|获评|被|和|及|与|为|在|对|到|进|的|等|分别|先后|依法|常态|定期"
)
_NOUN_AFTER = re.compile(rf"(?:(?!{_NOUN_END})[\u4e00-\u9fff]|（[\u4e00-\u9fff]{{1,4}}）){{1,12}}")  # 村（社区）干部
#: Verbs that take the noun after the measure word: 聘请3名法律顾问 → 聘请法律顾问.
_TAKING_VERBS = (
    "聘请",
    "配备",
    "设立",
    "组建",
    "举办",
    "召开",
    "走访",
    "建立",
    "成立",
    "选聘",
    "聘任",
    "配齐",
    "培育",
    "培训",
    "覆盖",
    "选派",
    "派驻",
    "招录",
    "慰问",
    "表彰",
    "帮助",
)
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
#: Verbs before a measure word that take the noun after it into the label (开展3次法治讲座).
_NOUN_TAKERS = frozenset(_TAKING_VERBS + _LEAD_VERBS)
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


def label_before(text: str, end: int, floor: int = 0, places: tuple[str, ...] = ()) -> str:
    """The words that name what is counted, just before ``text[end]``: 受理来信来访 in
    共受理来信来访12件, 企业诉求 in 办理企业诉求截至10月共165条; not before ``floor`` (where the
    figure before it ends), without time words, qualifiers, filler or the place (``places``)."""
    m = _LABEL_TAIL.search(text, max(floor, end - _SCAN), end)
    i = m.start() if m else end
    return clean_label(text[i:end], places)


def clean_label(raw: str, places: tuple[str, ...] = ()) -> str:
    """A phrase before a number made a label: no digit, nothing left of a number before it, no
    leading time word, qualifier, filler or place, no trailing 达/为/共."""
    label = raw
    if _DIGIT_OR_BRACE.search(raw):
        label = _TIME_WITH_DIGITS.sub("", raw)
        m = _LAST_NUMBER.match(label)
        if m is not None:  # a number that is not a figure (第3次, 每月1次): the label starts after it
            label = label[m.end() :]
            label = label[len(m.group(0)) :] if (m := _LEFTOVER.match(label)) else label
    label = _ANYWHERE.sub("", label)
    m = _lead_words(places).match(label)
    if m is not None:
        label = label[m.end() :]
    if label[-1:] in _TRAILING_LAST:
        m = _TRAILING.search(label)
        if m is not None and m.start() > 0:
            label = label[: m.start()]
    return label[-MAX_LABEL:]


@functools.lru_cache(maxsize=32)
def _lead_words(places: tuple[str, ...]) -> re.Pattern[str]:
    """Time words, the place (the report's own names too), filler and one-character qualifiers,
    as many as open a label."""
    parts = [TIME_WORDS.pattern, PLACE_WORDS.pattern.removeprefix("^"), *map(re.escape, places + LEAD_FILLER)]
    parts.append(f"(?!{'|'.join(_KEEP_WORDS)})[{LEAD_CHARS}]")
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in parts) + ")+")


def noun_after(text: str, start: int) -> str:
    """The thing counted when the measure word comes first (3名执法人员全部持证 → 执法人员):
    up to a stop, a joining word or a verb; nothing when another number follows at once."""
    m = _NOUN_AFTER.match(text, start)
    if m is None:
        return ""
    noun = m.group(0)
    if text[m.end() : m.end() + 1].isdigit():
        return ""
    return noun if len(noun) >= 2 else noun + "数"  # 9个村全部配备 → 村数


def _clause_before(text: str, end: int) -> str:
    return text[max(text.rfind(c, 0, end) for c in _CLAUSE_STOP) + 1 : end]


def is_frequency(text: str, start: int, end: int) -> bool:
    """每年开展1次, 每月1次, 1季度: a number that says how often or which, not a yearly count."""
    if text.startswith(_NOT_A_COUNT_AFTER, end):
        return True
    # Every frequency word has 每: most texts have none, and need no clause cut out.
    return "每" in text and _FREQUENCY.search(_clause_before(text, start)) is not None


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

    def __init__(self, places: tuple[str, ...] = ()) -> None:
        self.places = places  # the report's own place names (石门镇, 梅岭县): never part of a label
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

    def _label(self, m: re.Match[str], kept_prefix: str, before: list[tuple[Figure, int]], floor: int) -> str:
        """The words that name the figure: before the number in its clause (not reaching into the
        figure before it), or after its measure word (3名执法人员), or shared with the figure
        before it (事项8类、18项: 事项（类）, 事项（项）)."""
        text, start = m.string, m.start() + len(kept_prefix)
        label = label_before(text, start, floor, self.places)
        unit = m.group("unit")
        if unit in MEASURE_WORDS and (len(label) < 2 or label in _NOUN_TAKERS):
            noun = noun_after(text, m.end())
            if noun:  # 全乡3名执法人员, 聘请3位法律顾问
                return label + noun if len(label) >= 2 else noun
        if not label and floor and text[floor:start] == "、":
            prev = before[-1][0]
            base = re.sub(r"（[^（）]*）$", "", prev.label)
            if prev.unit != unit and base and prev.label == base:
                self._labels[base] -= 1
                prev.label = f"{base}（{prev.unit}）"
                self._labels[prev.label] += 1
                return f"{base}（{unit}）"
            return base
        return label

    def at(self, place: str, section_uid: str = "") -> None:
        """The texts read next stand at ``place`` (一、（二）), in that section ("": the opening)."""
        self.place, self.section_uid = place, section_uid

    def extract(self, text: str) -> str:
        before: list[tuple[Figure, int]] = []  # the figures of this paragraph so far, with where they end
        # The stretch of text (between two 《》) the last figure was found in, and where it ended there.
        last: list[tuple[str, int]] = [("", 0)]

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
            segment, end = last[0]
            label = self._label(m, kept_prefix, before, end if segment is m.string else 0)
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
            if len(fig.label) < 2:
                fig.label = UNIT_NOUNS.get(fig.unit, fig.unit.removeprefix("万").removeprefix("亿") + "数")
            fig.kind = default_kind(fig.label, fig.unit)
            self._derive(fig, [f for f, _ in before], m.group("num"))
            self._name(fig, before, m.string, m.start())
            self.figures[fig.key] = fig
            before.append((fig, m.end()))
            last[0] = (m.string, m.end())
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
