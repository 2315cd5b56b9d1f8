"""Hostile input: control characters, lone surrogates, emoji, huge paragraphs,
odd numbers, untrusted JSON.  Accepted, normalised or refused with a Chinese
message; never a crash, never a .docx that will not open."""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from hxdesk import interchange, limits, services
from hxdesk.errors import HxError, InvalidInput
from hxdesk.figures import parse_number
from hxdesk.limits import MAX_VALUE as MAX_FIGURE
from hxdesk.model import QUALIFIERS, Figure, Paragraph, PointList, Report, Section
from hxdesk.render import render_bytes
from hxdesk.store import Store

HOSTILE = [
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\ud800",
    "\udbff",
    "\udfff",
    "\ufffe",
    "\uffff",
    "😀",
    "👨‍👩‍👧",
    "１２",
    "３.５万",
    "\u202e",
    "\u200b",
    "\r\n",
    "\r",
    "\t",
    "\n",
    "{{year}}",
    "{{next_year}}",
    "{{nope}}",
    "{{",
    "}}",
    "{{a}}",
    "<w:p>",
    "&amp;",
    "&e;",
    "]]>",
    "\\",
    '"',
    "法治政府",
    "一是",
    "（一）",
]

chars = st.one_of(st.characters(), st.sampled_from(HOSTILE))
texts = st.lists(chars, max_size=40).map("".join)
figure_keys = st.sampled_from(["a", "b", "received", "handled", "rate"])


@st.composite
def blocks(draw):
    if draw(st.booleans()):
        return Paragraph(draw(texts))
    return PointList(items=draw(st.lists(texts, max_size=4)), lead=draw(texts), inline=draw(st.booleans()))


def sections(level: int = 1):
    children = st.just([]) if level >= 4 else st.lists(st.deferred(lambda: sections(level + 1)), max_size=2)
    return st.builds(
        Section,
        heading=texts,
        blocks=st.lists(blocks(), max_size=3),
        children=children,
        run_in=st.booleans(),
        numbered=st.booleans(),
    )


@st.composite
def figures(draw):
    out = {}
    for key in draw(st.lists(figure_keys, max_size=4, unique=True)):
        value = draw(
            st.one_of(
                st.none(),
                st.decimals(min_value=0, max_value=MAX_FIGURE, places=2, allow_nan=False, allow_infinity=False),
            )
        )
        formula = draw(st.sampled_from(["", "", "a / b * 100", "a +", "handled / received", "rate * 2"]))
        out[key] = Figure(
            key=key,
            label=draw(texts),
            value=value,
            unit=draw(texts),
            qualifier=draw(st.sampled_from(QUALIFIERS)),
            formula=formula,
            decimals=draw(st.integers(0, 4)),
        )
    return out


reports = st.builds(
    Report,
    year=st.integers(1990, 2200),
    title=texts,
    issuers=st.lists(texts, max_size=2),
    addressee=texts,
    intro=st.lists(blocks(), max_size=2),
    sections=st.lists(sections(), max_size=3),
    signatures=st.lists(texts, max_size=2),
    figures=figures(),
)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_chars(text: str) -> str:
    """``text`` keeping only what XML 1.0's Char production (section 2.2) allows, written
    from the standard's list of allowed ranges (not from hxdesk.text's list of forbidden ones)."""
    return "".join(
        c
        for c in text
        if c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or "\U00010000" <= c <= "\U0010ffff"
    )


def stored_text(text: str) -> str:
    """What a text field holds once saved: XML-illegal characters gone, line ends as \\n, tabs as spaces."""
    return xml_chars(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def stored_line(text: str) -> str:
    """What a single-line field (a heading) holds once saved: no line breaks, no outer spaces."""
    return stored_text(text).replace("\n", "").strip()


def assert_docx_opens(data: bytes) -> list[str]:
    """python-docx opens it, and every XML part is well-formed XML 1.0 (what Word requires)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))  # raises on anything Word would reject as XML
    doc = Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs]
    assert not any(_XML_ILLEGAL.search(t) for t in paragraphs)
    return paragraphs


@pytest.fixture(scope="module")
def shared_store():
    folder = tempfile.mkdtemp(prefix="hxdesk-hyp-")
    s = Store(Path(folder) / "hxdesk.db")
    yield s
    s.close()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(report=reports)
def test_model_store_render_round_trip(shared_store, report):
    # Rendering the editor's model directly never fails, whatever it holds.
    assert_docx_opens(render_bytes(report))
    try:
        rid = shared_store.reports.add(report)
    except InvalidInput as exc:  # refused with a message, nothing stored
        assert exc.message.startswith("无法保存")
        event("refused: " + exc.message[:50])
        return
    event("stored")
    loaded = shared_store.reports.load(rid)
    assert loaded.title == stored_text(report.title)
    for (a, _), (b, _) in zip(report.walk(), loaded.walk(), strict=True):
        assert b.heading == stored_line(a.heading)
        assert b.uid == a.uid
    assert len(list(loaded.walk())) == len(list(report.walk()))
    paragraphs = assert_docx_opens(render_bytes(loaded))
    for section, _ in loaded.walk():
        if section.heading.strip() and "{" not in section.heading:
            assert any(section.heading in p for p in paragraphs)
    # The same report saved again is unchanged (what save accepts, load returns).
    shared_store.reports.save(rid, loaded)
    assert interchange.dumps(shared_store.reports.load(rid)) == interchange.dumps(loaded)
    shared_store.trash.purge(rid)


def test_saving_removes_xml_illegal_characters_and_keeps_the_rest(store, sample):
    """Hand-written cases of RELIABILITY.md 8: control characters, lone surrogates and
    U+FFFE/U+FFFF go; emoji and full-width characters stay; a heading is one line."""
    sample.title = "报\x00告\x0b\ud800年\r\n度\t😀１２\uffff"
    sample.sections[0].heading = " 一\n章\x1f\udfff\ufffe题👨‍👩‍👧 "
    rid = store.reports.add(sample)
    loaded = store.reports.load(rid)
    assert loaded.title == "报告年\n度 😀１２"
    assert loaded.sections[0].heading == "一章题👨‍👩‍👧"


def test_a_100000_character_paragraph(store, sample, tmp_path):
    rid = store.reports.add(sample)
    report = store.reports.load(rid)
    long = ("依法行政😀１２" * 20000)[:100_000]
    section = next(s for s, _ in report.walk() if s.blocks)
    section.blocks.insert(0, Paragraph(long))
    store.reports.save(rid, report)
    loaded = store.reports.load(rid)
    assert loaded.find(section.uid).blocks[0].text == long
    out = services.render_to_file(loaded, tmp_path / "长段落.docx")
    paragraphs = assert_docx_opens(out.read_bytes())
    assert any(long[:1000] in p and len(p) >= 100_000 for p in paragraphs)


@pytest.mark.parametrize(
    "typed, value",
    [
        ("1,234", "1234"),
        ("1，234", "1234"),
        ("１２", "12"),
        ("１２３４", "1234"),
        ("3.5万", "35000"),
        ("0.5亿", "50000000"),
        (" 12 ", "12"),
        ("１２．５", "12.5"),
        ("95", "95"),
        ("0", "0"),
        ("𝟏𝟐", "12"),
        ("12\u3000", "12"),
    ],
)
def test_numbers_as_people_type_them(typed, value):
    assert parse_number(typed) == Decimal(value)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-5", "负数"),
        ("－5", "负数"),
        ("abc", "不是有效的数字"),
        ("", "请输入数字"),
        ("1e5", "不是有效的数字"),
        ("99999999999999", "数值过大"),
        ("1000000000万", "数值过大"),
        ("1.2.3", "不是有效的数字"),
        ("NaN", "不是有效的数字"),
        ("∞", "不是有效的数字"),
        ("1/2", "不是有效的数字"),
        ("9" * 100_000, "数值过大"),
        ("1O", "“O”是字母，不是数字（应为“0”）"),  # letter O for zero
        ("2o", "“o”是字母"),
        ("l5", "“l”是字母，不是数字（应为“1”）"),  # lower-case L for one
        ("1I", "“I”是字母"),
        ("１Ｏ", "“O”是字母"),  # full-width, as a Chinese IME types it
        ("O", "不是有效的数字"),  # no digit at all: not a slip of one
        ("10x", "不是有效的数字"),
    ],
)
def test_numbers_refused_with_a_message(typed, message):
    with pytest.raises(InvalidInput, match=message):
        parse_number(typed)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, st.text(alphabet="0123456789,，.．万亿 -１２３", max_size=30)))
def test_parse_number_never_crashes(typed):
    try:
        value = parse_number(typed)
    except InvalidInput as exc:
        assert exc.message
    else:
        assert Decimal(0) <= value <= MAX_FIGURE


# ----------------------------------------------------------------- JSON import

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), texts),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                texts,
                st.sampled_from(
                    [
                        "format",
                        "version",
                        "report",
                        "year",
                        "sections",
                        "figures",
                        "blocks",
                        "type",
                        "text",
                        "items",
                        "value",
                        "key",
                        "children",
                        "uid",
                        "decimals",
                        "qualifier",
                        "date",
                    ]
                ),
            ),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)

SAMPLE_DOC = interchange.report_to_dict(services.sample_report())


def json_paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from json_paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from json_paths(v, path + (i,))


ALL_PATHS = [p for p in json_paths(SAMPLE_DOC) if p]


def loads_or_refuses(text: str):
    try:
        report = interchange.loads(text)
    except InvalidInput as exc:
        assert exc.message and "Traceback" not in exc.message
        return None
    assert_docx_opens(render_bytes(report))
    return report


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_json_import_of_random_documents(doc):
    loads_or_refuses(json.dumps(doc, ensure_ascii=False))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(ALL_PATHS), json_values), min_size=1, max_size=3))
def test_json_import_of_a_damaged_sample(mutations):
    doc = json.loads(json.dumps(SAMPLE_DOC))
    for path, value in mutations:
        node = doc
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    loads_or_refuses(json.dumps(doc, ensure_ascii=False))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_json_import_of_random_bytes(data):
    path = Path(tempfile.mkdtemp()) / "x.json"
    path.write_bytes(data)
    try:
        interchange.read_file(path)
    except InvalidInput as exc:
        assert exc.message


def with_figure_value(value) -> str:
    doc = json.loads(json.dumps(SAMPLE_DOC))
    doc["report"]["figures"][0]["value"] = value
    return json.dumps(doc)


@pytest.mark.parametrize(
    "text, message",
    [
        ("[" * 100_000 + "]" * 100_000, "嵌套过深"),
        ('{"format": "hxdesk-report", "version": 1, "report": {"year": ' + "9" * 5000 + "}}", "数字过长"),
        (with_figure_value("1e-999999"), "小数位数过多"),
        (with_figure_value("0." + "0" * 50 + "1"), "小数位数过多"),
        (with_figure_value("1e999999999"), "超出范围"),
        (with_figure_value("-1"), "超出范围"),
        (with_figure_value("NaN"), "超出范围"),
        (with_figure_value(True), "应为数字文字"),
        ('{"format": "hxdesk-report", "version": 99, "report": {}}', "请升级"),
        ('{"format": "something-else"}', "不是 hxdesk 报告文件"),
        ("", "不是有效的 JSON"),
    ],
)
def test_json_import_refuses_bombs_with_a_message(text, message):
    with pytest.raises(InvalidInput, match=message):
        interchange.loads(text)


@pytest.mark.parametrize("value", ["1e-999999999", "1e-99999", "0E-999999999", "1E+11", "0.000000000001"])
def test_json_import_exponents_never_blow_up(value):
    """A value is refused or becomes a number that prints short (no billion zeros)."""
    try:
        report = interchange.loads(with_figure_value(value))
    except InvalidInput as exc:
        assert "小数位数过多" in exc.message
        return
    fig = next(iter(report.figures.values()))
    assert len(format(fig.value, "f")) < 40
    assert len(interchange.dumps(report)) < 2 * len(json.dumps(SAMPLE_DOC, ensure_ascii=False, indent=2))


def test_json_import_bounds_the_number_of_sections():
    doc = json.loads(json.dumps(SAMPLE_DOC))
    per = limits.MAX_SIBLINGS  # as many as one level may hold, each with as many children
    doc["report"]["sections"] = [
        {"heading": "章", "children": [{"heading": "节"}] * per} for _ in range(limits.MAX_SECTIONS // per + 1)
    ]
    with pytest.raises(InvalidInput, match="章节过多"):
        interchange.loads(json.dumps(doc))
    doc["report"]["sections"] = [{"heading": "章", "blocks": []} for _ in range(per + 1)]
    with pytest.raises(InvalidInput, match="同一级的章节超过"):
        interchange.loads(json.dumps(doc))


def test_json_import_bounds_the_file_size(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(interchange.MAX_FILE_BYTES + 1)  # sparse: no time or disk spent
    with pytest.raises(InvalidInput, match="文件过大"):
        interchange.read_file(big)


def test_json_import_resolves_nothing(tmp_path):
    """Entity declarations, file URLs and references stay literal text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doc = json.loads(json.dumps(SAMPLE_DOC))
    bait = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}">]>&e; {{"$ref": "{secret.as_uri()}"}}'
    doc["report"]["intro"] = [{"type": "paragraph", "text": bait}]
    doc["report"]["title"] = {"$ref": secret.as_uri()}
    with pytest.raises(InvalidInput, match="应为文字"):
        interchange.loads(json.dumps(doc))
    doc["report"]["title"] = "{{year}}年度报告"
    report = interchange.loads(json.dumps(doc))
    assert report.intro[0].text == bait
    data = render_bytes(report)
    assert b"TOP-SECRET" not in data
    assert any(bait in p for p in assert_docx_opens(data))


def test_absurd_years_are_refused():
    for year in (0, -1, 1989, 2201, 10**9):
        with pytest.raises(HxError, match="年度"):
            services.new_from_template("standard", year, "某镇人民政府")


@pytest.mark.libreoffice
def test_libreoffice_opens_hostile_documents(tmp_path):
    """A handful of hostile reports: LibreOffice converts each to a PDF with the text in it."""
    from support import docx_to_pdf, soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    import pdfplumber

    long = ("依法行政，建设法治政府。" * 1000)[:10_000]
    # name: (the intro paragraph typed, the pieces of it the PDF must show)
    cases = {
        "控制字符": ("甲\x00乙\x0b丙\ud800丁\ufffe戊", ["甲乙丙丁戊"]),
        # The emoji's ZWJ sequence comes out of the PDF in pieces; the text around it must not.
        "表情": ("群众满意度提升😀👨‍👩‍👧，办结率１００％", ["群众满意度提升😀", "，办结率１００％"]),
        "长段落": (long, [long]),
    }
    pages = {}
    for name, (text, pieces) in cases.items():
        report = services.sample_report()
        report.intro = [Paragraph(text)]
        with Store(tmp_path / f"{name}.db") as s:
            loaded = s.reports.load(s.reports.add(report))
        docx = services.render_to_file(loaded, tmp_path / f"{name}.docx")
        pdf = docx_to_pdf(docx, tmp_path)
        with pdfplumber.open(str(pdf)) as doc:
            extracted = "".join(page.extract_text() or "" for page in doc.pages)
            pages[name] = len(doc.pages)
        # Line ends and the page numbers (— 3 —) that a paragraph runs across are not text;
        # pdfplumber gives the page number's spaces as U+200D after a ZWJ sequence.
        extracted = re.sub(r"—[\s\u200d]*\d+[\s\u200d]*—", "", extracted.replace("\n", ""))
        for piece in pieces:
            assert piece in extracted, f"{name}: {piece[:20]!r} not in the PDF"
        # The whole report follows the hostile paragraph: the seed's last sentence ends the PDF.
        assert extracted.endswith("推动和谐黄溪镇依法治理工作迈上新台阶。"), name
    # 10 000 characters at 22 lines of 28 a page (GB/T 9704) fill more than 16 pages.
    assert pages["长段落"] - pages["控制字符"] >= 16, pages
