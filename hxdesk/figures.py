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


def format_figure(fig: Figure, value: Decimal | None) -> str:
    """80余人次, 95%以上, 约30件; a missing value shows as 【待填：label】."""
    if value is None:
        return f"【待填：{fig.label or fig.key}】"
    num = number_text(value, fig.decimals if fig.derived else None)
    q = fig.qualifier
    if q in QUALIFIER_INFIX:
        return f"{num}{q}{fig.unit}"
    if q in QUALIFIER_SUFFIX:
        return f"{num}{fig.unit}{q}"
    if q in QUALIFIER_PREFIX:
        return f"{q}{num}{fig.unit}"
    return f"{num}{fig.unit}"


#: Labels of what a town has rather than does in a year (执法队1个, 执法人员6人, 法律顾问1名).
STANDING_LABELS = ("执法队", "执法人员", "执法证", "法律顾问", "调解委员会", "调解员", "网格员", "公职律师")
STANDING_UNITS = ("个", "人", "名", "支", "家", "所", "处")


def default_kind(label: str, unit: str) -> str:
    """The kind a new figure gets: standing for counts of teams and staff, else yearly."""
    if unit in STANDING_UNITS and any(word in label for word in STANDING_LABELS):
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


@dataclass(frozen=True)
class _Formula:
    tree: ast.Expression
    names: frozenset[str]


def parse_formula(formula: str) -> _Formula:
    """Parse a derived figure's formula: + - * / ( ), numbers and figure keys."""
    text = unicodedata.normalize("NFKC", formula).replace("×", "*").replace("÷", "/")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"公式“{formula}”无法识别。") from exc
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise FormulaError(f"公式“{formula}”只能包含数字和数据名称。")
        elif not isinstance(
            node,
            (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd, ast.Load),
        ):
            raise FormulaError(f"公式“{formula}”只能使用加减乘除和括号。")
    return _Formula(tree, frozenset(names))


def _eval(node: ast.AST, env: dict[str, Decimal]) -> Decimal:
    if isinstance(node, ast.Expression):
        return _eval(node.body, env)
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, env)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = _eval(node.left, env), _eval(node.right, env)
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


def compute_values(figures: dict[str, Figure]) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Values of every figure, derived ones computed.

    Returns (values, problems): a derived figure that cannot be computed
    (unknown name, a cycle, division by zero, a missing input) has value None
    and a Chinese explanation in ``problems``.
    """
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
            try:
                result = _eval(parsed.tree, env)
            except ZeroDivisionError:
                problems[key] = "除数为零，无法计算。"
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


def validate_figures(figures: dict[str, Figure]) -> dict[str, str]:
    """Field-level problems: bad keys, bad qualifiers, 办结 greater than 受理 …"""
    values, problems = compute_values(figures)
    for key, fig in figures.items():
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
                names = sorted(parse_formula(fig.formula).names)
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
        values, _ = compute_values(report.figures)
    variables = report.variables()

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key in variables:
            return variables[key]
        fig = report.figures.get(key)
        if fig is None:
            return f"【未知数据：{key}】"
        return format_figure(fig, values.get(key))

    return PLACEHOLDER_RE.sub(sub, text)
