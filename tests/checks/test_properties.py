"""Any report, however odd its text: the checks finish, and every span lies inside the text it names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hxdesk.checks import check_report, parse_words
from hxdesk.model import Figure, Paragraph, PointList, Report, Section

ALPHABET = '的了，。,;:?!()（）“”‘’《》【】"年件个%0123456789八五普法第四受理办结截止其它 {}ay_rex'
PIECES = ["{{a}}", "{{b}}", "{{rate}}", "{{year}}", "{{next_year}}", "{{nope}}", "2019年", "“八五”普法的第三年", "12件"]
text = st.lists(st.one_of(st.text(ALPHABET, max_size=12), st.sampled_from(PIECES)), max_size=8).map("".join)
WORDS = parse_words(
    {"words": [{"wrong": "其它", "right": "其他"}, {"wrong": "截止", "right": "截至", "pattern": "截止(?=[0-9])"}]}
)


def section(depth: int) -> st.SearchStrategy[Section]:
    blocks = st.lists(
        st.one_of(text.map(Paragraph), st.builds(PointList, st.lists(text, max_size=3), text, st.booleans())),
        max_size=3,
    )
    children = st.just([]) if depth >= 3 else st.lists(st.deferred(lambda: section(depth + 1)), max_size=2)
    return st.builds(Section, text, blocks, children, st.booleans(), st.booleans())


values = st.one_of(st.none(), st.integers(0, 200).map(Decimal))


@st.composite
def reports(draw) -> Report:
    figures = {
        "a": Figure("a", "受理来信来访", draw(values), draw(st.sampled_from(["件", "个", "%", ""]))),
        "b": Figure("b", "办结来信来访", draw(values), draw(st.sampled_from(["件", "个"])), at_most="a"),
        "rate": Figure("rate", "办结率", None, "%", formula=draw(st.sampled_from(["b / a * 100", "a / 0", "x + 1"]))),
    }
    return Report(
        year=draw(st.integers(2015, 2035)),
        title=draw(text),
        issuers=draw(st.lists(text, max_size=2)),
        intro=[Paragraph(t) for t in draw(st.lists(text, max_size=2))],
        sections=draw(st.lists(section(1), max_size=3)),
        signatures=draw(st.lists(text, max_size=2)),
        date=draw(st.one_of(st.none(), st.dates(dt.date(2014, 1, 1), dt.date(2037, 1, 1)))),
        figures=figures,
        template=draw(st.sampled_from(["", "standard"])),
    )


def raw_text(report: Report, finding) -> str | None:
    if finding.field in ("title",):
        return report.title
    if finding.field in ("issuers", "signatures"):
        return getattr(report, finding.field)[finding.item]
    section = report.find(finding.section_uid) if finding.section_uid else None
    if finding.field == "heading":
        return section.heading
    if isinstance(finding.field, int):
        block = (section.blocks if section else report.intro)[finding.field]
        if isinstance(block, Paragraph):
            return block.text
        return block.lead if finding.item is None else block.items[finding.item]
    return None


@settings(max_examples=300, deadline=None)
@given(reports())
def test_checks_finish_and_spans_lie_inside_their_text(report):
    found = check_report(report, today=dt.date(2026, 1, 1), words=WORDS)
    for f in found:
        assert f.severity in ("error", "warning") and f.message and f.where
        if f.span is not None:
            raw = raw_text(report, f)
            assert raw is not None, f
            a, b = f.span
            assert 0 <= a < b <= len(raw), (f, raw)
