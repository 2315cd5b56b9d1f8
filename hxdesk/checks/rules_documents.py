"""Checks that know documents: cited titles and their periods, announced counts against the list
that follows, the year of the part on the year's work, 连续N年, dates after the 成文日期, and
sentences ending on a word that needs its suffix (满意 for 满意度)."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from ..model import PointList
from ..numbering import parse_chinese_numeral
from .base import ERROR, WARNING, Context, Finding, TextUnit
from .documents import DocumentTitle, split_title
from .rules_years import ANY_YEAR, PLAN_HEADING, quoted_ranges

# ------------------------------------------------------------------ documents.title

TITLE_RE = re.compile(r"《([^《》]{2,80})》")


def _distance(a: str, b: str, limit: int) -> tuple[int, int] | None:
    """(edits, substitutions) to turn ``a`` into ``b`` when edits <= limit, else None (a banded Levenshtein)."""
    if abs(len(a) - len(b)) > limit:
        return None
    inf = (limit + 1, limit + 1)
    prev = [(j, 0) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        cur = [(i, 0)] + [inf] * len(b)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            sub = prev[j - 1] if a[i - 1] == b[j - 1] else (prev[j - 1][0] + 1, prev[j - 1][1] + 1)
            dele = (prev[j][0] + 1, prev[j][1])
            ins = (cur[j - 1][0] + 1, cur[j - 1][1])
            cur[j] = min(sub, dele, ins)
        prev = cur
    edits, subs = prev[len(b)]
    return (edits, subs) if edits <= limit else None


def _close(cited: str, known: str) -> bool:
    """A slip in a long name: one or two characters more or fewer, or one changed (督查 for 督察);
    two changed characters make another document (行政处罚法, 行政许可法)."""
    if len(known) < 8:
        return False
    d = _distance(cited, known, 2)
    return d is not None and d[1] <= 1


def _judge(cited: str, documents: tuple[DocumentTitle, ...]) -> tuple[str, DocumentTitle] | None:
    """("period" | "name", the document meant) for a cited title that is wrong; None when right or unknown."""
    if any(cited == d.title or cited in d.short for d in documents):
        return None
    name, period = split_title(cited)
    same_name = [d for d in documents if d.name == name]
    if same_name:
        if period is None or any(d.period == period for d in same_name):
            return None  # cited without its period, or written with another dash
        return "period", max(same_name, key=lambda d: d.period or (0, 0))
    for d in documents:
        if _close(name, d.name) and (period is None or d.period is None or period == d.period):
            return "name", d
        if any(_close(cited, s) for s in d.short):
            return "name", d
    return None


def document_title(ctx: Context, rule: str) -> Iterator[Finding]:
    if not ctx.documents:
        return
    judged_before: dict[str, tuple[str, DocumentTitle] | None] = {}
    for unit in ctx.units:
        if "《" not in unit.text:
            continue
        for m in TITLE_RE.finditer(unit.text):
            if not unit.literal(m.start(), m.end()):
                continue
            cited = re.sub(r"\s+", "", m.group(1))
            if cited not in judged_before:
                judged_before[cited] = _judge(cited, ctx.documents)
            judged = judged_before[cited]
            if judged is None:
                continue
            kind, doc = judged
            right = f"《{doc.title}》"
            if kind == "period" and doc.period is not None:
                message = f"{right}的期限是{doc.period[0]}—{doc.period[1]}年，这里写的是“{m.group(0)}”。"
                yield ctx.hit(rule, ERROR, message, unit, m.start(), m.end(), f"改为{right}")
            else:
                message = f"文件名称“{m.group(0)}”与{right}相近，请核对是否写错。"
                yield ctx.hit(rule, WARNING, message, unit, m.start(), m.end(), f"改为{right}")


# ------------------------------------------------------------------ numbers.announced

CN_NUMBER = "[一二两三四五六七八九十]{1,3}"
#: 等10类：  以下4个方面：  开展5项专项行动：  (the count, then a colon in the same clause)
ANNOUNCED = re.compile(
    r"(?:等|以下|下列|如下|共|包括|分为|涵盖|开展|聚焦|围绕|突出|抓好|做好|实施|推出|出台|制定|完善|建立)"
    rf"\s*([0-9]{{1,2}}|{CN_NUMBER})\s*(类|项|个方面|方面|种|条|点|大类|个领域|个专题)"
    r"[^，。；：:！？、\n]{0,12}?[：:]"
)
ORDINAL_IS = re.compile(rf"({CN_NUMBER})是")


def _count_number(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_chinese_numeral(text.replace("两", "二"))


LIST_CHARS = 1000  # how far after the colon the list is looked for


def _listed(rest: str) -> tuple[int, str] | None:
    """(how many items follow a colon, the sentence they are in): 一是…二是…, or the parts of the
    sentence parted by ； or 、.  ``rest`` is bounded by the caller."""
    n = 0
    for m in ORDINAL_IS.finditer(rest):
        k = _count_number(m.group(1))
        if k == n + 1:
            n = k
        elif n == 0 or (k is not None and k <= n):
            break  # no list of 一是, or a new one begins
    if n >= 2:
        return n, ""
    sentence = re.split(r"[。！？]", rest, maxsplit=1)[0]
    for sep in ("；", "、"):
        if sep in sentence:
            parts = [p for p in sentence.split(sep) if p.strip()]
            return (len(parts), sentence) if len(parts) >= 2 else None
    return None


def _lead_items(unit: TextUnit) -> int | None:
    """The number of points when ``unit`` is the lead of a point list."""
    if unit.section is None or not isinstance(unit.field, int) or unit.item is not None:
        return None
    blocks = unit.section.blocks
    block = blocks[unit.field] if unit.field < len(blocks) else None
    if isinstance(block, PointList) and block.lead == unit.raw:
        return len(block.items)
    return None


def announced(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        text = unit.text
        if "：" not in text and ":" not in text:
            continue
        end = len(text.rstrip())
        for m in ANNOUNCED.finditer(text):
            said = _count_number(m.group(1))
            if m.end() < end:
                found = _listed(text[m.end() : m.end() + LIST_CHARS])
                listed, sentence = found if found is not None else (None, "")
            else:
                listed, sentence = _lead_items(unit), ""
            if said is None or listed is None or listed == said:
                continue
            # A、B和C: the last part may hold two items.
            if "；" not in sentence and "、" in sentence and listed + 1 == said:
                if re.search(r"[和及与]", sentence.rsplit("、", 1)[-1]):
                    continue
            message = f"这里说有{m.group(1)}{m.group(2)}，后面列出的是{listed}{m.group(2)}，请核对。"
            start = m.start(1)
            yield ctx.hit(rule, WARNING, message, unit, start, m.end(2), f"改为{listed}{m.group(2)}或补全所列内容")


# ------------------------------------------------------------------ years.work_heading

#: The heading of a part about the year's work (the part on next year's is years.next_plan's).
WORK_HEADING = re.compile(
    r"工作情况|基本情况|主要举措|举措和成效|主要工作|工作成效|建设情况|职责情况|存在的不足|存在的问题|不足和原因|取得的成效"
)


def work_heading(ctx: Context, rule: str) -> Iterator[Finding]:
    y = ctx.year
    parts = {id(section) for section in ctx.report.sections}
    for info in ctx.sections:
        if id(info.section) not in parts:
            continue  # a sub-section may name another year (2023年度督察反馈问题整改工作情况)
        unit = info.units[0]
        text = unit.text
        if not WORK_HEADING.search(text) or PLAN_HEADING.search(text) or "下一年" in text:
            continue
        quoted = quoted_ranges(text)
        for m in ANY_YEAR.finditer(text):
            year = int(m.group(1))
            if year == y or any(a < m.start() < b for a, b in quoted):
                continue
            if re.match(r"\s*年?\s*[—–\-－~～至到]", text[m.end() :]) or re.search(
                r"[—–\-－~～至到]\s*$", text[: m.start()]
            ):
                continue  # a period
            message = f"这一部分写的是{y}年的工作，标题中却是{year}年。"
            yield ctx.hit(rule, ERROR, message, unit, m.start(), m.end(), f"改为{y}年")


# ------------------------------------------------------------------ years.consecutive

YEAR_ITEM = r"(?<![0-9])(?:19|20)[0-9]{2}\s*年?度?"
#: …连续两年 (what is before it is looked at in a short window, so a long text stays linear)
CONSECUTIVE = re.compile(rf"(?:均|都|先后|分别)?\s*连续\s*([0-9]{{1,2}}|{CN_NUMBER})\s*年")
#: 2023年和2024年   2022年、2023年、2024年   (right before 连续)
YEAR_LIST = re.compile(rf"((?:{YEAR_ITEM}\s*[、和及与,，]\s*)+{YEAR_ITEM})\s*$")
#: 2022—2024年
YEAR_RANGE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年?\s*[—–\-－~～至到]\s*((?:19|20)[0-9]{2})\s*年?度?\s*$")
WINDOW = 60


def consecutive(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        text = unit.text
        if "连续" not in text:
            continue
        for m in CONSECUTIVE.finditer(text):
            n = _count_number(m.group(1))
            base = max(0, m.start() - WINDOW)
            window = text[base : m.start()]
            said = f"连续{m.group(1)}年"
            listed, ranged = YEAR_LIST.search(window), YEAR_RANGE.search(window)
            if n is None or (listed is None and ranged is None):
                continue
            if ranged is not None:
                a, b = int(ranged.group(1)), int(ranged.group(2))
                if b - a + 1 == n:
                    continue
                message = f"{a}—{b}年是{b - a + 1}年，这里写“{said}”。"
                start = base + ranged.start()
            else:
                assert listed is not None
                years = [int(y) for y in ANY_YEAR.findall(listed.group(1))]
                steps = all(b == a + 1 for a, b in zip(years, years[1:], strict=False))
                if steps and len(years) == n:
                    continue
                shown = "、".join(f"{y}年" for y in years)
                if not steps:
                    message = f"“{said}”所列年份（{shown}）并不相连，请核对。"
                else:
                    message = f"列出了{len(years)}个年份（{shown}），却写“{said}”。"
                start = base + listed.start()
            yield ctx.hit(rule, ERROR, message, unit, start, m.end(), "核对年份与“连续N年”")


# ------------------------------------------------------------------ years.after_date

FULL_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
#: Words that make a later date a plan or a deadline (将于2026年3月1日召开, 计划…前完成).
FUTURE_BEFORE = re.compile(r"(?:将|计划|拟|预计|力争|争取|确保|定于|到|于|自|从)\s*$")
FUTURE_AFTER = re.compile(r"^\s*(?:前|之前|以前|起|开始|后|之后|以后)")


def _plan_sections(ctx: Context) -> set[str]:
    """uids of the sections about next year's work and everything under them."""
    out: set[str] = set()
    plan_paths: set[tuple[int, ...]] = set()
    for section, path in ctx.report.walk():
        if PLAN_HEADING.search(section.heading) or "下一年" in section.heading:
            plan_paths.add(path)
        if any(path[:n] in plan_paths for n in range(1, len(path) + 1)):
            out.add(section.uid)
    return out


def after_date(ctx: Context, rule: str) -> Iterator[Finding]:
    dated = ctx.report.date
    if dated is None:
        return
    plans: set[str] | None = None
    for unit in ctx.units:
        if "日" not in unit.text or unit.field in ("date", "signatures"):
            continue
        for m in FULL_DATE.finditer(unit.text):
            try:
                day = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if day <= dated:
                continue
            if FUTURE_BEFORE.search(unit.text[max(0, m.start() - 4) : m.start()]) or FUTURE_AFTER.match(
                unit.text[m.end() : m.end() + 3]
            ):
                continue
            if plans is None:
                plans = _plan_sections(ctx)
            if unit.section is not None and unit.section.uid in plans:
                continue
            message = f"正文中的日期{m.group(0)}晚于成文日期（{dated.year}年{dated.month}月{dated.day}日），请核对。"
            yield ctx.hit(rule, WARNING, message, unit, m.start(), m.end(), "核对这一日期或成文日期")


# ------------------------------------------------------------------ writing.incomplete

#: A word that names a measure only with its suffix when it ends a sentence after 提升/的.
SUFFIXES = {"满意": "满意度", "知晓": "知晓率", "覆盖": "覆盖率", "参与": "参与率", "合格": "合格率", "获得": "获得感"}
#: 提升群众满意。  群众的满意。  (not 让群众满意。 赢得群众的满意。 实现全覆盖。)
INCOMPLETE = re.compile(
    r"(?:(提升|提高|增强|达到|稳定在)[^，。；！？、]{0,10}?|的)(" + "|".join(SUFFIXES) + r")(?=\s*(?:[。；！？]|$))"
)
NOT_INCOMPLETE_BEFORE = re.compile(r"(?:(?:让|使|令|赢得|得到|获得|受到)[^，。；！？、]{0,10}|全)$")


def incomplete(ctx: Context, rule: str) -> Iterator[Finding]:
    for unit in ctx.units:
        text = unit.text
        if not any(word in text for word in SUFFIXES):
            continue
        for m in INCOMPLETE.finditer(text):
            word = m.group(2)
            start = m.start(2)
            if not m.group(1) and word not in ("满意", "知晓", "获得"):
                continue  # 群众的参与 is a noun by itself
            clause = re.split(r"[，。；！？、]", text[max(0, start - 12) : start])[-1]
            if NOT_INCOMPLETE_BEFORE.search(clause) or not unit.literal(start, m.end()):
                continue
            right = SUFFIXES[word]
            message = f"句子以“{word}”结尾，似缺字，应为“{right}”。"
            yield ctx.hit(rule, WARNING, message, unit, start, m.end(), f"改为“{right}”")
