"""One service path per job: the GUI's dialogs and the CLI make the same report."""

from __future__ import annotations

import json

from support import run_cli

from hxdesk import interchange
from hxdesk.gui.dialogs import NewReportDialog
from hxdesk.store import Store


def comparable(report) -> dict:
    """The report as the interchange file writes it, without what is new in every copy (uids)."""
    data = json.loads(interchange.dumps(report))
    text = json.dumps(data, ensure_ascii=False)
    for uid in {report.uid, *(s.uid for s, _ in report.walk())}:
        text = text.replace(uid, "UID")
    return json.loads(text)


def test_next_year_from_the_dialog_and_from_the_cli_is_the_same_report(open_window, db_path):
    run_cli("--db", str(db_path), "new", "--sample", check=True)
    by_cli = int(run_cli("--db", str(db_path), "new", "--from-report", "1", check=True).stdout.split()[-1])
    store = Store(db_path, lock=True)
    main = open_window(store)
    dialog = NewReportDialog(main.workspace, main.window, previous_id=1)
    assert dialog.ui.fromPreviousRadio.isChecked() and dialog.ui.yearSpin.value() == 2025
    by_gui = dialog.create()
    cli_report, gui_report = (main.workspace.reports.load(i) for i in (by_cli, by_gui))
    assert gui_report.predecessor_uid == cli_report.predecessor_uid == main.workspace.reports.load(1).uid
    assert comparable(gui_report) == comparable(cli_report)
    main.window.close()
    store.close()


def test_a_derived_figure_reads_its_formula_by_the_figures_names(open_window, sample_store):
    """The form shows a formula as the model reads it (figures.formula_text), not by a regex of its own."""
    from PySide6.QtWidgets import QLabel

    from .test_last_year import section_using, select

    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    form = select(main, ("section", section_using(main, "petition_close_rate").uid))
    hints = [w.text() for w in form.findChildren(QLabel) if w.text().startswith("自动计算：")]
    assert hints == ["自动计算：办结来信来访 ÷ 受理来信来访 × 100"]


def test_formula_text_names_every_figure_and_last_years():
    from hxdesk.figures import formula_text
    from hxdesk.model import Figure

    figures = {"a": Figure("a", "受理"), "b": Figure("b", "办结"), "c": Figure("c", "")}
    assert formula_text("b / a * 100", figures) == "办结 ÷ 受理 × 100"
    assert formula_text("(a - prev(a)) / prev(a) * 100", figures) == "(受理 - 上年受理) ÷ 上年受理 × 100"
    assert formula_text("a + c + zz", figures) == "受理 + c + zz"  # no name: the key as typed
    assert formula_text("a +", figures) == "a +"  # not a formula: as typed
