"""Issue 16, the corpus: reports of varied shape (tests/importer/corpus.py) imported with
`hxdesk import` and rendered with `hxdesk render`, read back with python-docx word for word —
modulo the documented normalisations (a long one-line title is split after the issuer and
broken into lines; the text of every line is kept)."""

from __future__ import annotations

import pytest
from support import run_cli

from hxdesk import services

from .cases import write_case
from .corpus import corpus
from .typed import docx_texts

REPORTS = corpus()


def test_the_corpus_is_varied():
    assert len(REPORTS) >= 15
    assert {r.title_lines for r in REPORTS} == {1, 2, 3}
    assert {r.levels for r in REPORTS} == {3, 4}
    assert {bool(r.addressee) for r in REPORTS} == {True, False}
    assert {len(r.signatures) for r in REPORTS} == {1, 2, 3}
    assert {r.form for r in REPORTS} == {"txt", "typed", "listed"}
    assert any(sum(1 for x in r.plain if x.startswith(("四、", "五、"))) == 2 for r in REPORTS)  # five parts


@pytest.mark.parametrize("case", REPORTS, ids=[r.name for r in REPORTS])
def test_a_corpus_report_imports_and_renders_back_word_for_word(tmp_path, case):
    path = write_case(tmp_path, case.markup, case.form, case.name)
    db = tmp_path / "hx.db"
    proc = run_cli("--db", str(db), "import", str(path), check=True)
    report_id = proc.stdout.strip().splitlines()[-1]
    notes = [x.removeprefix("提示：") for x in proc.stderr.splitlines() if x.startswith("提示：")]
    out = tmp_path / "out.docx"
    run_cli("--db", str(db), "render", report_id, "-o", str(out), check=True)
    got = docx_texts(out)

    typed_title = case.plain[: case.title_lines]
    rest = case.plain[case.title_lines :]
    n_title = got.index(rest[0])
    assert "".join(got[:n_title]) == "".join(typed_title)  # every character of the title
    assert all(len(line) <= 20 for line in got[:n_title])
    if case.title_lines > 1 or len(typed_title[0]) <= 20:
        assert got[:n_title] == typed_title  # set by the author: kept as set
    assert got[n_title:] == rest  # the rest word for word

    with services.open_workspace(db, write=False) as workspace:
        report = workspace.reports.load(int(report_id))
    assert report.addressee == case.addressee
    assert report.signatures == case.signatures
    assert max(len(path) for _, path in report.walk()) == case.levels
    assert [s.heading for s in report.sections][0] == "主要举措和成效"
    # The notes list every change: here a split title and the rates made derived (the text is clean).
    split = [n for n in notes if n.startswith("标题：") and "拆为" in n]
    derived = [n for n in notes if "自动计算" in n]
    assert len(split) == (1 if case.title_lines == 1 and len(typed_title[0]) > 20 else 0)
    assert len(derived) == sum(1 for f in report.figures.values() if f.formula)
    assert len(split) + len(derived) == len(notes), notes
    assert all(n.startswith(("一、（", "四、（")) for n in derived)
    rate = next(f for f in report.figures.values() if f.label == "调解成功率")
    assert rate.formula  # 调解成功 ÷ 排查 × 100
    assert all(f.label for f in report.figures.values())
    assert len({f.label for f in report.figures.values()}) == len(report.figures)
