"""Figures: parsing what staff type, computing derived figures, formatting.

Kept apart from the model so that the GUI, the importer and the renderer all
use the same rules for 80余人次, 95%以上 and 办结率 = 办结 ÷ 受理.
"""

from __future__ import annotations

import ast
import copy
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)
from types import MappingProxyType

from .errors import InvalidInput
from .limits import (
    MAX_COMPUTED,
    MAX_DECIMALS,
    MAX_FORMULA_CHAIN,
    MAX_FORMULA_DEPTH,
    MAX_FORMULA_LENGTH,
    MAX_FORMULA_TERMS,
    MAX_FRACTION_DIGITS,
    MAX_VALUE,
)
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
    if value > MAX_VALUE:
        raise InvalidInput("数值过大，请检查是否多输了位数。")
    return normalize_decimal(value)


def parse_typed_value(text: str) -> Decimal | None:
    """A figure's value field: empty is no value (None), else the whole text must be a number
    (parse_number); a text that is not, even one starting with a number (1a5b, 80余), is refused."""
    return parse_number(text) if text.strip() else None


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


_BINARY = (ast.Add, ast.Sub, ast.Mult, ast.Div)


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
    raise FormulaError(f"公式“{_excerpt(formula)}”中只能用 prev(数据名称) 取上年的数值。")


def _excerpt(formula: str) -> str:
    return formula if len(formula) <= 30 else formula[:30] + "…"


def _syntax_tree(formula: str) -> ast.Expression:
    """Python's parser on a formula short enough for it (a long one recurses past the stack)."""
    if len(formula) > MAX_FORMULA_LENGTH:
        raise FormulaError(f"公式过长（超过 {MAX_FORMULA_LENGTH} 个字符）。")
    text = unicodedata.normalize("NFKC", formula).replace("×", "*").replace("÷", "/")
    try:
        return ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise FormulaError(f"公式“{_excerpt(formula)}”无法识别。") from exc


@functools.lru_cache(maxsize=4096)  # the same formulas are evaluated at every keystroke
def parse_formula(formula: str) -> _Formula:
    """Parse a derived figure's formula: + - * / ( ), numbers, figure keys and prev(key), within
    the bounds of hxdesk.limits (length, numbers and names, nesting, the size of a number)."""
    tree = _syntax_tree(formula)
    names: set[str] = set()
    previous: set[str] = set()
    terms = 0
    stack: list[tuple[ast.expr, int]] = [(tree.body, 1)]
    while stack:  # iterative: the depth is what is being measured
        node, depth = stack.pop()
        if depth > MAX_FORMULA_DEPTH:
            raise FormulaError(f"公式嵌套过深（超过 {MAX_FORMULA_DEPTH} 层括号或运算）。")
        if isinstance(node, ast.BinOp) and isinstance(node.op, _BINARY):
            stack += ((node.left, depth + 1), (node.right, depth + 1))
            continue
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            stack.append((node.operand, depth + 1))
            continue
        if isinstance(node, ast.Call):
            previous.add(_prev_argument(node, formula).id)
        elif isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Constant):
            _check_constant(node.value, formula)
        else:
            raise FormulaError(f"公式“{_excerpt(formula)}”只能使用加减乘除和括号。")
        terms += 1
        if terms > MAX_FORMULA_TERMS:
            raise FormulaError(f"公式中的数字和数据过多（超过 {MAX_FORMULA_TERMS} 项）。")
    return _Formula(tree, frozenset(names), frozenset(previous))


def formula_text(formula: str, figures: dict[str, Figure]) -> str:
    """A formula as the clerk reads it, each figure by its name: 办结来信来访 ÷ 受理来信来访 × 100,
    prev(key) as 上年 and the name (the formula as typed when it does not parse)."""
    try:
        parsed = parse_formula(formula)
    except InvalidInput:
        return formula

    def name_of(key: str) -> str:
        fig = figures.get(key)
        return (fig.label or key) if fig is not None else key

    class _Named(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call) -> ast.AST:  # parse_formula admits only prev(key)
            return ast.Name("上年" + name_of(_prev_argument(node, formula).id))

        def visit_Name(self, node: ast.Name) -> ast.AST:
            return ast.Name(name_of(node.id))

    named = _Named().visit(copy.deepcopy(parsed.tree))
    return ast.unparse(named).replace(" * ", " × ").replace(" / ", " ÷ ")


def _check_constant(value: object, formula: str) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise FormulaError(f"公式“{_excerpt(formula)}”只能包含数字和数据名称。")
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) >= MAX_COMPUTED:  # 9e999 is inf
        raise FormulaError(f"公式“{_excerpt(formula)}”中的数字过大。")


class _TooLarge(ArithmeticError):
    pass


#: Every step of an evaluation: enough digits for any value within the bounds; an overflow,
#: a division by zero or an invalid operation raises (and the figure is uncomputable).
_CONTEXT = Context(prec=34, Emax=40, Emin=-40, traps=[Overflow, DivisionByZero, InvalidOperation])


def _evaluate(node: ast.AST, env: dict[str, Decimal], last: dict[str, Decimal]) -> Decimal:
    """The value of a parsed formula (its depth is bounded by parse_formula)."""
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, env, last)
    if isinstance(node, ast.Constant):
        return _bounded(_CONTEXT.create_decimal(str(node.value)))
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Call):
        return last[_prev_argument(node, "").id]
    if isinstance(node, ast.UnaryOp):
        v = _evaluate(node.operand, env, last)
        return _CONTEXT.minus(v) if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp):
        a, b = _evaluate(node.left, env, last), _evaluate(node.right, env, last)
        if isinstance(node.op, ast.Add):
            return _bounded(_CONTEXT.add(a, b))
        if isinstance(node.op, ast.Sub):
            return _bounded(_CONTEXT.subtract(a, b))
        if isinstance(node.op, ast.Mult):
            return _bounded(_CONTEXT.multiply(a, b))
        if b == 0:
            raise ZeroDivisionError
        return _bounded(_CONTEXT.divide(a, b))
    raise FormulaError("公式无法计算。")  # pragma: no cover - parse_formula guards


def _bounded(value: Decimal) -> Decimal:
    if not value.is_finite() or abs(value) >= MAX_COMPUTED:
        raise _TooLarge
    return value


@dataclass
class _Plan:
    """The derived figures in an order where each follows the derived figures it reads, and
    those that cannot be computed whatever the values: a formula beyond the bounds, a cycle,
    a chain of formulas deeper than MAX_FORMULA_CHAIN."""

    order: list[str]
    formulas: dict[str, _Formula]
    problems: dict[str, str]


def _plan(figures: dict[str, Figure]) -> _Plan:
    # long: an iterative depth-first walk (a chain of formulas as long as the file wants)
    formulas: dict[str, _Formula] = {}
    problems: dict[str, str] = {}
    depth: dict[str, int] = {}  # finished: 1 + the depth of the deepest derived figure read
    order: list[str] = []
    for root in figures:
        if root in depth or not figures[root].derived:
            continue
        path: list[str] = []  # the figures being walked, root first
        on_path: set[str] = set()
        pending: list[list[str]] = []  # for each, the derived figures it reads still to visit
        key: str | None = root
        while key is not None or path:
            if key is not None:
                try:
                    formula = formulas[key] = parse_formula(figures[key].formula)
                    reads = sorted(n for n in formula.names if n in figures and figures[n].derived)
                except FormulaError as exc:
                    problems[key], reads = exc.message, []
                path.append(key)
                on_path.add(key)
                pending.append(reads)
                key = None
            todo = pending[-1]
            while todo and todo[-1] in depth:
                todo.pop()
            if todo:
                key = todo.pop()
                if key in on_path:  # a cycle: every figure on it is uncomputable
                    cycle = path[path.index(key) :]
                    names = " → ".join(figures[k].label or k for k in [*cycle, key])
                    for k in cycle:
                        problems.setdefault(k, f"公式循环引用：{names}。")
                    key = None
                continue
            done = path.pop()
            on_path.discard(done)
            pending.pop()
            reads_depth = [depth[n] for n in formulas[done].names if n in depth] if done in formulas else []
            depth[done] = 1 + max(reads_depth, default=0)
            if depth[done] > MAX_FORMULA_CHAIN:
                problems.setdefault(done, f"公式层层引用其他公式，超过 {MAX_FORMULA_CHAIN} 层，无法计算。")
            order.append(done)
    return _Plan(order, formulas, problems)


def formula_problems(figures: dict[str, Figure]) -> dict[str, str]:
    """Derived figures that can never be computed, whatever the values (see _Plan), with why."""
    return _plan(figures).problems


def compute_values(
    figures: dict[str, Figure], previous: dict[str, Decimal | None] | None = None
) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Values of every figure, derived ones computed; ``previous`` holds last year's values
    (of the predecessor report), which a formula reads as ``prev(key)``.

    Returns (values, problems): a derived figure that cannot be computed (a formula beyond the
    bounds, unknown name, a cycle, division by zero, a result too large, a missing input, no
    value last year) has value None and a Chinese explanation in ``problems``.  Never raises.
    """
    last_year = previous or {}
    plan = _plan(figures)
    problems = dict(plan.problems)
    values: dict[str, Decimal | None] = {key: fig.value for key, fig in figures.items() if not fig.derived}
    for key in plan.order:
        values[key] = None
        if key not in problems:
            values[key], why = _value_of(plan.formulas[key], figures, values, last_year)
            if why:
                problems[key] = why
    return values, problems


def _value_of(
    parsed: _Formula,
    figures: dict[str, Figure],
    values: dict[str, Decimal | None],
    last_year: dict[str, Decimal | None],
) -> tuple[Decimal | None, str]:
    """One derived figure from the values of the figures it reads: (value, '') or (None, why)."""
    env: dict[str, Decimal] = {}
    last: dict[str, Decimal] = {}
    reads = [(name, False) for name in sorted(parsed.names)] + [(name, True) for name in sorted(parsed.previous)]
    for name, of_last_year in reads:
        if name not in figures:
            return None, f"公式中的“{name}”不是已有的数据。"
        label = figures[name].label or name
        v = (last_year if of_last_year else values).get(name)
        if v is None and of_last_year:
            return None, f"上年没有“{label}”的数值，无法与上年比较。"
        if v is None:
            return None, f"“{label}”无法计算。" if figures[name].derived else f"“{label}”尚未填写，无法计算。"
        (last if of_last_year else env)[name] = v
    try:
        return _evaluate(parsed.tree, env, last), ""
    except (ZeroDivisionError, DivisionByZero):
        return None, "上年数值为零，无法计算百分比。" if parsed.previous else "除数为零，无法计算。"
    except (_TooLarge, DecimalException):
        return None, f"计算结果过大（应小于 {number_text(MAX_COMPUTED)}），请检查公式和数值。"


def validate_figures(
    figures: dict[str, Figure],
    previous: dict[str, Decimal | None] | None = None,
    *,
    computed: tuple[Mapping[str, Decimal | None], Mapping[str, str]] | None = None,
) -> dict[str, str]:
    """Field-level problems: bad keys, bad qualifiers, 办结 greater than 受理 …

    ``computed``: what compute_values (report_values) already gave for these figures, not computed again."""
    values, problems = computed if computed is not None else compute_values(figures, previous)
    problems = dict(problems)
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
    placed: set[str] = set()
    visiting: set[str] = set()  # a formula that refers to itself, directly or not

    def want(root: str) -> None:  # iterative: a chain of formulas may be as long as a database holds
        stack = [(root, False)]
        while stack:
            key, inputs_placed = stack.pop()
            if inputs_placed:
                keys.append(key)
                placed.add(key)
                continue
            if key in placed or key in visiting or key not in figures:
                continue
            visiting.add(key)
            stack.append((key, True))
            if figures[key].derived:
                try:
                    names = sorted(parse_formula(figures[key].formula).all_names)
                except InvalidInput:
                    names = []
                stack.extend((name, False) for name in reversed(names))

    for text in texts:
        if "{{" in text:
            for key in PLACEHOLDER_RE.findall(text):
                want(key)
    return keys


def expand_text(text: str, report: Report, values: Mapping[str, Decimal | None] | None = None) -> str:
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


#: The figure values of the report states computed last (see report_values): the document, the checks,
#: the counts and the form of one state all read the same values, computed once.
_computed: dict[tuple[object, ...], tuple[Mapping[str, Decimal | None], Mapping[str, str]]] = {}
_COMPUTED_KEPT = 8


def report_values(report: Report) -> tuple[Mapping[str, Decimal | None], Mapping[str, str]]:
    """compute_values for a whole report, last year's values included: the one way every consumer
    (renderer, checks, placeholders, statistics, the form) gets a report's figure values.

    Computed once per state of the figures (what a value depends on: each figure's key, name, value
    and formula, and last year's values) and shared, read-only, until they change."""
    previous = last_year_values(report)
    # str(value): Decimal("12") and Decimal("12.0") are equal, but not written alike.
    state = (
        tuple((k, f.label, None if f.value is None else str(f.value), f.formula) for k, f in report.figures.items()),
        None if previous is None else tuple((k, None if v is None else str(v)) for k, v in previous.items()),
    )
    found = _computed.get(state)
    if found is None:
        values, problems = compute_values(report.figures, previous)
        found = (MappingProxyType(values), MappingProxyType(problems))
        if len(_computed) >= _COMPUTED_KEPT:
            _computed.pop(next(iter(_computed)))
        _computed[state] = found
    return found


def missing_note(fig: Figure, report: Report, values: Mapping[str, Decimal | None]) -> str:
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
