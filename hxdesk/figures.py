"""Figures: parsing what staff type, computing derived figures, formatting.

Kept apart from the model so that the GUI, the importer and the renderer all
use the same rules for 80余人次, 95%以上 and 办结率 = 办结 ÷ 受理.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import InvalidInput
from .model import (
    KIND_STANDING,
    KIND_YEARLY,
    PLACEHOLDER_RE,
    QUALIFIER_INFIX,
    QUALIFIER_PREFIX,
    QUALIFIER_SUFFIX,
    QUALIFIERS,
    REVIEW_CONFIRM,
    REVIEW_NONE,
    REVIEW_UPDATE,
    STYLE_NUMBER,
    STYLE_YOY_DIFF,
    STYLE_YOY_PERCENT,
    YEAR_VARIABLES,
    Figure,
    Report,
    Section,
    block_paragraph_texts,
)

#: Larger than any count a town reports; guards against typos such as 1e30.
MAX_FIGURE = Decimal("1000000000000")
MAX_DECIMALS = 4
MAX_FRACTION_DIGITS = 6  # digits typed after the point (3.1415926 is a typo, not a count)
KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")

_UNITS = {"万": Decimal(10000), "亿": Decimal(100000000)}
#: Letters typed for digits (after NFKC, so full-width Ｏ is O too).
_DIGIT_LOOKALIKES = {"O": "0", "o": "0", "l": "1", "I": "1"}


def parse_number(text: str) -> Decimal:
    """What a person types -> a Decimal.

    Accepts 1,234 / 1，234 / full-width digits １２ / 3.5万 / 2亿 / spaces.
    Refuses letters, negatives and absurd magnitudes with a Chinese message.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    raw = raw.replace(",", "").replace(" ", "").replace("\u3000", "")
    if not raw:
        raise InvalidInput("请输入数字。")
    mult = Decimal(1)
    if raw[-1] in _UNITS:
        mult = _UNITS[raw[-1]]
        raw = raw[:-1]
    if raw.startswith("-"):
        raise InvalidInput("数值不能为负数。")
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?", raw)
    if not m and re.search(r"\d", raw):
        lookalike = next((ch for ch in raw if ch in _DIGIT_LOOKALIKES), None)
        if lookalike is not None:  # 1O, l2: a letter that looks like a digit is the likeliest slip
            raise InvalidInput(
                f"“{text.strip()[:20]}”中的“{lookalike}”是字母，不是数字"
                f"（应为“{_DIGIT_LOOKALIKES[lookalike]}”）。请只输入数字。"
            )
    if not m:
        raise InvalidInput(f"“{text.strip()[:20]}”不是有效的数字，请只输入数字（可带小数点）。")
    if len(m.group(1).lstrip("0")) > 16:
        raise InvalidInput("数值过大，请检查是否多输了位数。")
    if m.group(2) and len(m.group(2)) > MAX_FRACTION_DIGITS:
        raise InvalidInput(f"小数位数过多，最多 {MAX_FRACTION_DIGITS} 位。")
    try:
        value = Decimal(raw) * mult
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise InvalidInput("请输入有效的数字。") from exc
    if value > MAX_FIGURE:
        raise InvalidInput("数值过大，请检查是否多输了位数。")
    return normalize_decimal(value)


def normalize_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def number_text(value: Decimal, decimals: int | None = None) -> str:
    """Digits as an official text writes them: no grouping, no trailing zeros."""
    if decimals is not None:
        q = Decimal(1).scaleb(-decimals)
        value = value.quantize(q, rounding=ROUND_HALF_UP)
    value = normalize_decimal(value)
    s = format(value, "f")
    return s


def format_figure(fig: Figure, value: Decimal | None, note: str = "") -> str:
    """80余人次, 95%以上, 约30件; 同比增长25%, 减少3件 for a comparison (``style``); a missing
    value shows as 【待填：label】, with ``note`` saying why: 【待填：信访量同比（上年无数据）】."""
    if value is None:
        return f"【待填：{fig.label or fig.key}{f'（{note}）' if note else ''}】"
    if fig.style in (STYLE_YOY_PERCENT, STYLE_YOY_DIFF):
        return _comparison(fig, value)
    return _with_qualifier(number_text(value, fig.decimals if fig.derived else None), fig.unit, fig.qualifier)


def _with_qualifier(num: str, unit: str, q: str) -> str:
    if q in QUALIFIER_INFIX:
        return f"{num}{q}{unit}"
    if q in QUALIFIER_SUFFIX:
        return f"{num}{unit}{q}"
    if q in QUALIFIER_PREFIX:
        return f"{q}{num}{unit}"
    return f"{num}{unit}"


#: The words a comparison reads with, by style: (rise, fall); equal values read 与上年持平.
COMPARISON_WORDS = {STYLE_YOY_PERCENT: ("同比增长", "同比下降"), STYLE_YOY_DIFF: ("增加", "减少")}
SAME_AS_LAST_YEAR = "与上年持平"


def _comparison(fig: Figure, change: Decimal) -> str:
    """A signed change as words: the sign picks 增长/下降 (增加/减少), the magnitude is rounded
    to ``decimals`` first, so a change that rounds to 0 reads 与上年持平."""
    magnitude = abs(change).quantize(Decimal(1).scaleb(-fig.decimals), rounding=ROUND_HALF_UP)
    if magnitude == 0:
        return SAME_AS_LAST_YEAR
    rise, fall = COMPARISON_WORDS[fig.style]
    unit = fig.unit or ("%" if fig.style == STYLE_YOY_PERCENT else "")
    return (rise if change > 0 else fall) + _with_qualifier(number_text(magnitude), unit, fig.qualifier)


def yoy_formula(key: str, style: str) -> str:
    """The formula of a comparison of ``key`` with last year: the change in per cent or the difference."""
    if style == STYLE_YOY_PERCENT:
        return f"({key} - prev({key})) / prev({key}) * 100"
    return f"{key} - prev({key})"


#: Labels of what a town has rather than does in a year (执法队1个, 执法人员6人, 法律顾问1名).
STANDING_LABELS = (
    "执法队",
    "执法中队",
    "执法人员",
    "执法证",
    "执法证件",
    "监督员",
    "法律顾问",
    "调解委员会",
    "调解组织",
    "调解员",
    "网格员",
    "公职律师",
    "法律明白人",
    "楼长",
    "工作人员",
)
STANDING_UNITS = ("个", "人", "名", "位", "支", "家", "所", "处")
#: A label with one of these counts what was done to people in a year (培训执法人员30人), not a body.
ACTIVITY_WORDS = (
    "培训",
    "参训",
    "参加",
    "参与",
    "走访",
    "慰问",
    "表彰",
    "考核",
    "接待",
    "服务",
    "新增",
    "调整",
    "轮训",
)


def default_kind(label: str, unit: str) -> str:
    """The kind a new figure gets: standing for headcounts of standing bodies and staff (the label
    ends with what they are: 执法人员, 聘请法律顾问), else yearly."""
    stem = label.split("（", 1)[0]
    if unit in STANDING_UNITS and stem.endswith(STANDING_LABELS) and not any(word in stem for word in ACTIVITY_WORDS):
        return KIND_STANDING
    return KIND_YEARLY


def set_figure_value(fig: Figure, value: Decimal | None) -> None:
    """Enter a value: a figure flagged 待更新 or 请确认 no longer needs it once a value is entered."""
    fig.value = value
    if value is not None:
        fig.review = REVIEW_NONE


def confirm_figure(fig: Figure) -> None:
    """The clerk confirms a carried-over value (请确认 → done); a figure without a value stays 待更新."""
    if fig.review == REVIEW_CONFIRM:
        fig.review = REVIEW_NONE


def roll_figure_over(fig: Figure) -> None:
    """What 新建下一年度 does to one figure: a yearly one is emptied and flagged 待更新, a standing
    one keeps its value and is flagged 请确认; a derived one keeps its formula (and needs nothing)."""
    if fig.derived:
        fig.review = REVIEW_NONE
    elif fig.kind == KIND_STANDING and fig.value is not None:
        fig.review = REVIEW_CONFIRM
    else:
        fig.value = None
        fig.review = REVIEW_UPDATE


class FormulaError(InvalidInput):
    pass


#: ``prev(key)`` in a formula: last year's value of a figure (from the predecessor report).
PREV = "prev"


@dataclass(frozen=True)
class _Formula:
    tree: ast.Expression
    names: frozenset[str]  # this year's figures read
    previous: frozenset[str] = frozenset()  # figures whose last-year value is read: prev(key)

    @property
    def all_names(self) -> frozenset[str]:
        return self.names | self.previous


def _prev_argument(node: ast.Call, formula: str) -> ast.Name:
    """The figure of ``prev(key)``; anything else that looks like a call is refused."""
    if (
        isinstance(node.func, ast.Name)
        and node.func.id == PREV
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Name)
    ):
        return node.args[0]
    raise FormulaError(f"公式“{formula}”中只能用 prev(数据名称) 取上年的数值。")


def parse_formula(formula: str) -> _Formula:
    """Parse a derived figure's formula: + - * / ( ), numbers, figure keys and prev(key)."""
    text = unicodedata.normalize("NFKC", formula).replace("×", "*").replace("÷", "/")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"公式“{formula}”无法识别。") from exc
    names: set[str] = set()
    previous: set[str] = set()
    inside_prev: set[int] = set()  # ids of the Name nodes that belong to a prev(key)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            arg = _prev_argument(node, formula)
            previous.add(arg.id)
            inside_prev.update((id(node.func), id(arg)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if id(node) not in inside_prev:
                names.add(node.id)
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise FormulaError(f"公式“{formula}”只能包含数字和数据名称。")
        elif not isinstance(
            node,
            (
                ast.Expression,
                ast.BinOp,
                ast.UnaryOp,
                ast.Add,
                ast.Sub,
                ast.Mult,
                ast.Div,
                ast.USub,
                ast.UAdd,
                ast.Load,
                ast.Call,
            ),
        ):
            raise FormulaError(f"公式“{formula}”只能使用加减乘除和括号。")
    return _Formula(tree, frozenset(names), frozenset(previous))


def _eval(node: ast.AST, env: dict[str, Decimal], last: dict[str, Decimal]) -> Decimal:
    if isinstance(node, ast.Expression):
        return _eval(node.body, env, last)
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Call):
        return last[_prev_argument(node, "").id]
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, env, last)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, env, last), _eval(node.right, env, last)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        if b == 0:
            raise ZeroDivisionError
        return a / b
    raise FormulaError("公式无法计算。")  # pragma: no cover - parse_formula guards


def compute_values(
    figures: dict[str, Figure], previous: dict[str, Decimal | None] | None = None
) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Values of every figure, derived ones computed; ``previous`` holds last year's values
    (of the predecessor report), which a formula reads as ``prev(key)``.

    Returns (values, problems): a derived figure that cannot be computed
    (unknown name, a cycle, division by zero, a missing input, no value last year) has
    value None and a Chinese explanation in ``problems``.
    """
    # long: one recursive evaluation with its cycle guard; each way to fail sets its own message
    last_year = previous or {}
    values: dict[str, Decimal | None] = {}
    problems: dict[str, str] = {}
    visiting: set[str] = set()

    def value_of(key: str) -> Decimal | None:
        if key in values:
            return values[key]
        fig = figures[key]
        if not fig.derived:
            values[key] = fig.value
            return fig.value
        if key in visiting:
            problems[key] = "公式循环引用了自身。"
            return None
        visiting.add(key)
        try:
            parsed = parse_formula(fig.formula)
            env: dict[str, Decimal] = {}
            for name in parsed.names:
                if name not in figures:
                    problems[key] = f"公式中的“{name}”不是已有的数据。"
                    values[key] = None
                    return None
                v = value_of(name)
                if v is None:
                    problems.setdefault(key, f"“{figures[name].label or name}”尚未填写，无法计算。")
                    values[key] = None
                    return None
                env[name] = v
            last: dict[str, Decimal] = {}
            for name in sorted(parsed.previous):
                if name not in figures:
                    problems[key] = f"公式中的“{name}”不是已有的数据。"
                    values[key] = None
                    return None
                lv = last_year.get(name)
                if lv is None:
                    problems[key] = f"上年没有“{figures[name].label or name}”的数值，无法与上年比较。"
                    values[key] = None
                    return None
                last[name] = lv
            try:
                result = _eval(parsed.tree, env, last)
            except ZeroDivisionError:
                problems[key] = "上年数值为零，无法计算百分比。" if parsed.previous else "除数为零，无法计算。"
                result = None
            values[key] = result
            return result
        except FormulaError as exc:
            problems[key] = exc.message
            values[key] = None
            return None
        finally:
            visiting.discard(key)

    for key in figures:
        value_of(key)
    return values, problems


def validate_figures(figures: dict[str, Figure], previous: dict[str, Decimal | None] | None = None) -> dict[str, str]:
    """Field-level problems: bad keys, bad qualifiers, 办结 greater than 受理 …"""
    values, problems = compute_values(figures, previous)
    for key, fig in figures.items():
        if fig.style != STYLE_NUMBER and not fig.derived:
            problems[key] = "与上年比较的数据应为自动计算的数据（填写公式）。"
        if not KEY_RE.match(key) or key in YEAR_VARIABLES:
            problems[key] = "数据名称只能由字母、数字和下划线组成，且不能是 year 等保留字。"
        if fig.qualifier not in QUALIFIERS:
            problems[key] = f"限定词“{fig.qualifier}”不受支持。"
        if not 0 <= fig.decimals <= MAX_DECIMALS:
            problems[key] = f"小数位数应在 0 到 {MAX_DECIMALS} 之间。"
        if fig.at_most and fig.at_most in figures:
            mine, limit = values.get(key), values.get(fig.at_most)
            if mine is not None and limit is not None and mine > limit:
                other = figures[fig.at_most]
                problems[key] = (
                    f"{fig.label or key}（{number_text(mine)}）不能大于{other.label or fig.at_most}（{number_text(limit)}）。"
                )
    return problems


def section_figure_keys(section: Section, figures: dict[str, Figure]) -> list[str]:
    """Keys of the figures a section's heading and blocks use (not its children's), in text order."""
    texts = [section.heading, *(t for b in section.blocks for t in block_paragraph_texts(b))]
    return figure_keys_in(texts, figures)


def figure_keys_in(texts: Iterable[str], figures: dict[str, Figure]) -> list[str]:
    """Keys of the figures ``texts`` use, in text order.

    A derived figure brings the figures its formula reads, placed before it.
    Keys not among ``figures`` (year variables, unknown names) are left out.
    """
    keys: list[str] = []
    visiting: set[str] = set()  # a formula that refers to itself, directly or not

    def want(key: str) -> None:
        if key in keys or key in visiting or key not in figures:
            return
        fig = figures[key]
        if fig.derived:
            visiting.add(key)
            try:
                names = sorted(parse_formula(fig.formula).all_names)
            except InvalidInput:
                names = []
            for name in names:
                want(name)
        keys.append(key)

    for text in texts:
        if "{{" in text:
            for key in PLACEHOLDER_RE.findall(text):
                want(key)
    return keys


def expand_text(text: str, report: Report, values: dict[str, Decimal | None] | None = None) -> str:
    """Replace ``{{key}}`` placeholders by year variables and formatted figures.

    An unknown key is left visible as 【未知数据：key】 so that nothing is lost
    silently.
    """
    if "{{" not in text:
        return text
    if values is None:
        values, _ = report_values(report)
    variables = report.variables()

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in variables:
            return variables[key]
        fig = report.figures.get(key)
        if fig is None:
            return f"【未知数据：{key}】"
        value = values.get(key)
        return format_figure(fig, value, "" if value is not None else missing_note(fig, report, values))

    return PLACEHOLDER_RE.sub(sub, text)


def last_year_values(report: Report) -> dict[str, Decimal | None] | None:
    """The predecessor's figure values, if the services attached them."""
    return report.predecessor.values if report.predecessor is not None else None


def report_values(report: Report) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """compute_values for a whole report, last year's values included."""
    return compute_values(report.figures, last_year_values(report))


def missing_note(fig: Figure, report: Report, values: dict[str, Decimal | None]) -> str:
    """Why a comparison with last year has no value although this year's inputs are there:
    上年无数据 or 上年为零 ('' for anything else)."""
    if not fig.derived:
        return ""
    try:
        parsed = parse_formula(fig.formula)
    except InvalidInput:
        return ""
    previous = parsed.previous
    if any(values.get(name) is None for name in parsed.names):
        return ""
    last = last_year_values(report) or {}
    if any(last.get(name) is None for name in previous):
        return "上年无数据"
    if any(last.get(name) == 0 for name in previous):
        return "上年为零"
    return ""


def next_figure_key(report: Report) -> str:
    """A key no figure of ``report`` has: fig_1, fig_2, …"""
    n = len(report.figures) + 1
    while f"fig_{n}" in report.figures:
        n += 1
    return f"fig_{n}"
