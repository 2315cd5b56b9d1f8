"""Bounds on what a report may hold (issue 26, item 7).

A hostile or careless interchange file once imported figures that then broke `render`, `check`,
`stats` (for every report) and `new --from-report` with decimal.Overflow or a RecursionError.
Now the file is refused at import with a message naming the figure or the part, and a database
that already holds such a report (written by an older hxdesk) still works: the bad figure reads as
uncomputable, a report too large to read is named, the other reports are untouched."""

from __future__ import annotations

import csv
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import run_cli

from hxdesk import limits, services
from hxdesk.errors import InvalidInput
from hxdesk.figures import compute_values, format_figure, parse_formula
from hxdesk.model import Figure

CRASH = "发生意外错误"


def document(figures=(), *, title="{{year}}年度法治政府建设报告", blocks=None, issuer="青山镇人民政府", year=2024):
    """An interchange document with a figure ``a`` = 10 and ``figures``, all of them in the text."""
    figures = [{"key": "a", "label": "受理", "value": "10", "unit": "件"}, *figures]
    refs = "，".join("{{" + f["key"] + "}}" for f in figures)
    return {
        "format": "hxdesk-report",
        "version": 1,
        "report": {
            "year": year,
            "issuers": [issuer],
            "title": title,
            "intro": blocks if blocks is not None else [{"type": "paragraph", "text": f"全年共有{refs}。"}],
            "sections": [{"heading": "依法全面履行政府职能", "blocks": [{"type": "paragraph", "text": "略。"}]}],
            "date": "2025-01-10",
            "figures": figures,
        },
    }


def derived(key: str, formula: str, label: str = "", **more) -> dict:
    return {"key": key, "label": label or f"计算{key}", "formula": formula, **more}


CHAIN = [derived(f"c{i}", f"c{i + 1} * 2", f"第{i}层") for i in range(200)] + [
    {"key": "c200", "label": "底数", "value": "1"}
]

#: Files that passed import before and then broke the report and the database's statistics.
REFUSED = {
    "exponent": (document([derived("x", "9e999", "超大数")]), "超大数"),
    "product": (document([derived("x", "1e308*1e308", "乘积")]), "乘积"),
    "long_integer": (document([derived("x", "9" * 4000, "长整数")]), "长整数"),
    "sum_of_3000": (document([derived("x", "+".join(["a"] * 3000), "三千项")]), "三千项"),
    "chain_of_200": (document(CHAIN), "第"),
    "cycle": (document([derived("x", "y + 1", "甲"), derived("y", "x + 1", "乙")]), "循环"),
    "points_1e6": (document(blocks=[{"type": "points", "items": ["一项工作"] * 1_000_000}]), "分条"),
    "title_300": (document(title="长" * 300), "标题"),
    "sections_1000": (document(), "同一级的章节"),
    "label_300": (document([{"key": "b", "label": "名" * 300, "value": "1"}]), "名称"),
}


def import_file(tmp_path: Path, db: Path, doc: dict, name: str = "in.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return run_cli("--db", str(db), "import", str(path))


def one_line_error(proc) -> str:
    assert CRASH not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


REFUSED["sections_1000"][0]["report"]["sections"] *= 1000


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_file_beyond_the_bounds_is_refused_at_import_naming_what(tmp_path, db_path, case):
    doc, named = REFUSED[case]
    good = import_file(tmp_path, db_path, document(issuer="白沙镇人民政府"), "good.json")
    assert good.returncode == 0, good.stderr
    proc = import_file(tmp_path, db_path, doc)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert named in one_line_error(proc)
    listed = run_cli("--db", str(db_path), "list", check=True).stdout
    assert "白沙镇" in listed and "青山镇" not in listed  # nothing of the refused file was added


def test_a_text_file_meets_the_same_limits(tmp_path, db_path):
    """The .docx/.txt importer builds a model too, held to the same bounds: one level holds as many
    sections as can be numbered (999), which a typed label can reach and not pass ("1000." is text)."""
    lines = ["青山镇人民政府2024年度法治政府建设工作报告", "", "一、主要工作", "（一）基本情况"]
    for i in range(1, 1001):
        lines += [f"{i}.第{i}项工作", "全年开展工作。"]
    path = tmp_path / "many.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    proc = run_cli("--db", str(db_path), "import", str(path))
    assert proc.returncode == 0, one_line_error(proc)
    with services.open_workspace(db_path, write=False) as ws:
        report = ws.reports.load(int(proc.stdout.split()[-1]))
    items = report.sections[0].children[0].children
    assert len(items) == 999 and any("1000.第1000项工作" in t for t in report.all_texts())


def test_a_huge_result_is_uncomputable_and_every_command_still_works(tmp_path, db_path):
    """`decimals` on a value too large to print: within the formula bounds, so imported; the figure
    reads as uncomputable (【待填】 and an error of check), the report renders, stats and roll-over work."""
    doc = document([derived("x", "a * 100000000000000 * 100000000000000", "巨额", decimals=4, unit="元")])
    proc = import_file(tmp_path, db_path, doc)
    assert proc.returncode == 0, proc.stderr
    rid = proc.stdout.strip().splitlines()[-1]
    out = tmp_path / "r.docx"
    render = run_cli("--db", str(db_path), "render", rid, "-o", str(out))
    assert render.returncode == 0 and CRASH not in render.stderr, render.stderr
    assert "【待填：巨额】" in "\n".join(p.text for p in __import__("docx").Document(str(out)).paragraphs)
    check = run_cli("--db", str(db_path), "check", rid)
    assert check.returncode == 1 and CRASH not in check.stderr
    assert "巨额" in check.stdout and "过大" in check.stdout
    stats = run_cli("--db", str(db_path), "stats", "-o", str(tmp_path / "s.csv"))
    assert stats.returncode == 0, stats.stderr
    assert run_cli("--db", str(db_path), "new", "--from-report", rid).returncode == 0


def _older_database(tmp_path: Path, db: Path) -> tuple[str, str]:
    """Two reports; the first then given, as an older hxdesk let a file do, every hostile formula."""
    figures = [
        {"key": "b", "label": "办结", "value": "8", "unit": "件"},
        derived("rate", "b / a * 100", "办结率", unit="%"),
    ]
    figures += [derived(f"x{i}", "1", f"坏公式{i}") for i in range(6)]
    figures += [derived(f"c{i}", "1", f"链{i}") for i in range(201)]
    first = import_file(tmp_path, db, document(figures), "first.json")
    second = import_file(tmp_path, db, document(issuer="白沙镇人民政府", year=2023), "second.json")
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    bad = {
        "x0": "9e999",
        "x1": "1e308*1e308",
        "x2": "9" * 4000,
        "x3": "+".join(["a"] * 3000),
        "x4": "x4 + 1",
        "x5": "a * 100000000000000 * 100000000000000",
    }
    bad.update({f"c{i}": f"c{i + 1} * 2" for i in range(200)})
    rid = first.stdout.strip().splitlines()[-1]
    with sqlite3.connect(db) as conn:
        for key, formula in bad.items():
            conn.execute("UPDATE figures SET formula = ? WHERE report_id = ? AND key = ?", (formula, rid, key))
    conn.close()
    return rid, second.stdout.strip().splitlines()[-1]


def test_a_database_holding_hostile_formulas_still_works(tmp_path, db_path):
    rid, other = _older_database(tmp_path, db_path)
    out = tmp_path / "r.docx"
    render = run_cli("--db", str(db_path), "render", rid, "-o", str(out))
    assert render.returncode == 0 and CRASH not in render.stderr, render.stderr
    text = "\n".join(p.text for p in __import__("docx").Document(str(out)).paragraphs)
    assert "办结率" not in text and "80%" in text  # the good formula still computes
    for i in range(6):
        assert f"【待填：坏公式{i}】" in text
    check = run_cli("--db", str(db_path), "check", rid)
    assert check.returncode == 1 and CRASH not in check.stderr, check.stderr
    for i in range(6):
        assert f"坏公式{i}" in check.stdout
    assert run_cli("--db", str(db_path), "check").returncode == 0
    stats = run_cli("--db", str(db_path), "stats", "-o", str(tmp_path / "s.csv"))
    assert stats.returncode == 0, stats.stderr
    rows = list(csv.reader((tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()))
    cells = {c for row in rows for c in row}
    assert "白沙镇人民政府" in " ".join(cells) and "办结率" in cells
    # the roll-over would save the hostile formulas anew: refused, naming the figure
    rolled = run_cli("--db", str(db_path), "new", "--from-report", rid)
    assert rolled.returncode == 1 and "坏公式" in one_line_error(rolled)
    assert run_cli("--db", str(db_path), "render", other, "-o", str(tmp_path / "o.docx")).returncode == 0
    assert run_cli("--db", str(db_path), "list").returncode == 0


def test_a_database_holding_a_report_too_large_to_read_names_it_and_the_rest_works(tmp_path, db_path):
    """An older hxdesk let a 300-character title in (it still reads: the .docx property is cut to
    its 255) and 1,200 points in one list (more than Chinese numerals write: it cannot be read)."""
    rid, other = _older_database(tmp_path, db_path)
    later = import_file(tmp_path, db_path, document(year=2025), "later.json").stdout.strip().splitlines()[-1]
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE reports SET predecessor_uid = (SELECT uid FROM reports WHERE id = ?) WHERE id = ?", (other, later)
        )
        conn.execute("UPDATE reports SET title = ? WHERE id = ?", ("长" * 300, rid))
        points = json.dumps([{"type": "points", "lead": "", "items": ["一项"] * 1200, "inline": True}])
        conn.execute("UPDATE sections SET blocks = ? WHERE report_id = ?", (points, other))
    conn.close()
    out = tmp_path / "r.docx"
    render = run_cli("--db", str(db_path), "render", rid, "-o", str(out))
    assert render.returncode == 0 and CRASH not in render.stderr, render.stderr
    assert __import__("docx").Document(str(out)).core_properties.title == "长" * 255
    render = run_cli("--db", str(db_path), "render", other, "-o", str(out))
    assert render.returncode == 1 and "分条列举超过 999 条" in one_line_error(render)
    stats = run_cli("--db", str(db_path), "stats", "-o", str(tmp_path / "s.csv"))
    assert stats.returncode == 0 and CRASH not in stats.stderr, stats.stderr
    assert f"报告 {other}" in stats.stderr and f"报告 {rid}" not in stats.stderr  # named, not silently left out
    assert "办结率" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")  # the long-titled report counts
    listed = run_cli("--db", str(db_path), "list")
    assert listed.returncode == 0 and "白沙镇" in listed.stdout and "青山镇" in listed.stdout
    # the report made from the unreadable one opens without last year's values
    render = run_cli("--db", str(db_path), "render", later, "-o", str(tmp_path / "later.docx"))
    assert render.returncode == 0, render.stderr


# ------------------------------------------------------------ evaluation never raises

FORMULA_ALPHABET = st.sampled_from(
    ["a", "b", "c", "x", "prev(a)", "prev(b)", "0", "1", "9", "7.5", "1e308", "9e999", "99999999999999", "0.000001"]
    + [" + ", " - ", " * ", " / ", "(", ")", "-", "**", "%", ".", "e", "×", "÷", "1" * 30]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    formulas=st.lists(st.lists(FORMULA_ALPHABET, max_size=40).map("".join), min_size=1, max_size=4),
    noise=st.text(max_size=40),
    a=st.decimals(min_value=0, max_value=limits.MAX_VALUE, places=6, allow_nan=False),
    b=st.sampled_from([Decimal(0), Decimal(1), Decimal("0.000001"), limits.MAX_VALUE]),
)
def test_evaluating_any_formula_never_raises(formulas, noise, a, b):
    figures = {"a": Figure("a", "甲", a), "b": Figure("b", "乙", b), "c": Figure("c", "丙")}
    for i, formula in enumerate([*formulas, noise, formulas[0] + noise]):
        figures[f"x{i}"] = Figure(f"x{i}", f"公式{i}", formula=formula[: limits.MAX_FORMULA_LENGTH])
    figures["x0"].formula = figures["x0"].formula or "x"
    values, problems = compute_values(figures, {"a": b, "b": a})
    for key, fig in figures.items():
        value = values[key]
        if value is None:
            assert not fig.derived or key in problems or fig.value is None
        else:
            assert value.is_finite() and abs(value) < limits.MAX_COMPUTED
        format_figure(fig, value)  # prints, whatever its decimals
    for formula in formulas:
        try:
            parse_formula(formula)
        except InvalidInput:
            pass
