"""Templates and the built-in sample (next year's report from this year's: rollover.py)."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .. import interchange
from ..errors import InvalidInput, NotFound
from ..model import Report, new_uid
from ..resources import resource_path

SAMPLE_TEMPLATE = "sample"
STANDARD_TEMPLATE = "standard"


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    label: str


TEMPLATE_LABELS = {
    STANDARD_TEMPLATE: "标准框架（按《法治政府建设与责任落实督察工作规定》）",
    SAMPLE_TEMPLATE: "示例：黔江区黄溪镇人民政府 2024 年度报告",
}


def list_templates() -> list[TemplateInfo]:
    folder = resource_path("templates")
    names = sorted(p.stem for p in folder.glob("*.json"))
    names.sort(key=lambda n: (n != STANDARD_TEMPLATE, n != SAMPLE_TEMPLATE, n))
    return [TemplateInfo(n, TEMPLATE_LABELS.get(n, n)) for n in names]


def load_template(name: str) -> Report:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name or ""):
        raise NotFound(f"没有名为“{name}”的模板。")
    path = resource_path("templates") / f"{name}.json"
    if not path.is_file():
        available = "、".join(t.name for t in list_templates())
        raise NotFound(f"没有名为“{name}”的模板。可用的模板：{available}")
    return interchange.read_file(path)


def sample_report() -> Report:
    """The built-in sample: the 2024 report of 黔江区黄溪镇人民政府."""
    return load_template(SAMPLE_TEMPLATE)


def check_year(year: int) -> int:
    if not interchange.MIN_YEAR <= year <= interchange.MAX_YEAR:
        raise InvalidInput(f"年度应在 {interchange.MIN_YEAR} 到 {interchange.MAX_YEAR} 之间。")
    return year


#: Reports are due to the level above before 3月1日: until then, a new report is for the year just ended.
DUE_MONTH = 3


def default_report_year(today: _dt.date) -> int:
    """The year a report started on ``today`` is most likely for.

    Written in December or in January–February, it is the report on the year
    just ending (December) or just ended (January, February).
    """
    return today.year - 1 if today.month < DUE_MONTH else today.year


def new_from_template(name: str, year: int, org: str) -> Report:
    """A new report from a template, for ``org`` and ``year``."""
    report = load_template(name)
    report.uid = new_uid()
    report.year = check_year(year)
    report.template = name
    org = org.strip()
    if name != SAMPLE_TEMPLATE:
        if not org:
            raise InvalidInput("请填写发文机关名称（例如：××镇人民政府）。")
        report.issuers = [org]
        report.signatures = [org]
    elif org:
        report.name = org
    fresh_uids(report)
    return report


def fresh_uids(report: Report) -> None:
    for section, _ in report.walk():
        section.uid = new_uid()
