"""Last year beside this year: each figure input of a rolled-over report shows the predecessor's
value and unit and the difference, and the roll-over's flags (待更新, 请确认) — real widgets."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from hxdesk import services
from hxdesk.figures import section_figure_keys
from hxdesk.gui.forms import SectionForm
from hxdesk.store import Store

from .keyboard import type_at_end


def select(main, target):
    main.ui.navTree.setCurrentItem(main.editor.navigator.items[target])
    return main.form


def row_of(form, key):
    return next(r for r in form.figures_panel.rows if r.key == key)


def section_using(main, key):
    """The section whose text uses figure ``key``."""
    figures = main.report.figures
    return next(s for s, _ in main.report.walk() if key in section_figure_keys(s, figures))


def shown(form, label) -> bool:
    return label.isVisibleTo(form)


def test_figure_inputs_show_last_years_value_and_the_difference(open_window, sample_store, db_path, qtbot):
    sample_id = sample_store.reports.summaries()[0].id
    new_id = services.Workspace(sample_store).reports.next_year(sample_id)
    main = open_window(sample_store)
    main.open_report(new_id)
    form = select(main, ("section", section_using(main, "petitions_received").uid))
    assert isinstance(form, SectionForm)

    received = row_of(form, "petitions_received")
    assert received.last_year.text() == "上年：12件" and shown(form, received.last_year)
    assert received.review.text() == "待更新" and shown(form, received.review)
    assert not shown(form, received.confirm)
    type_at_end(received.value, "15")
    assert received.last_year.text() == "上年：12件，增加3件"
    assert not shown(form, received.review) and main.report.figures["petitions_received"].review == ""
    closed = row_of(form, "petitions_closed")
    type_at_end(closed.value, "9")
    assert closed.last_year.text() == "上年：12件，减少3件"
    rate = row_of(form, "petition_close_rate")  # derived: 9 / 15 = 60%, last year 100%
    assert rate.value.text() == "60" and rate.last_year.text() == "上年：100%，减少40个百分点"

    # A standing figure: carried over, to be confirmed.
    form = select(main, ("section", section_using(main, "enforcement_teams").uid))
    teams = row_of(form, "enforcement_teams")
    assert teams.value.text() == "1" and teams.last_year.text() == "上年：1个，与上年持平"
    assert teams.review.text() == "请确认" and shown(form, teams.confirm)
    qtbot.mouseClick(teams.confirm, Qt.MouseButton.LeftButton)
    assert not shown(form, teams.review) and not shown(form, teams.confirm)
    staff = row_of(form, "enforcement_staff")
    staff.value.clear()
    type_at_end(staff.value, "7")
    assert staff.last_year.text() == "上年：6人，增加1人" and not shown(form, staff.review)
    turnout = row_of(form, "enforcement_turnout")  # the qualifier of last year's value is kept
    assert turnout.last_year.text() == "上年：80余人次" and turnout.review.text() == "待更新"
    # The kind: shown and changed per input.
    assert teams.kind.currentText() == "常设" and turnout.kind.currentText() == "每年统计"
    training = row_of(form, "training_sessions")
    training.kind.setCurrentIndex(training.kind.findData("standing"))

    qtbot.waitUntil(lambda: not main.autosaver.dirty, timeout=3000)
    saved = Store(db_path, write=False)
    try:
        stored = saved.reports.load(new_id)
    finally:
        saved.close()
    flags = {k: (f.value, f.review) for k, f in stored.figures.items()}
    assert flags["petitions_received"] == (Decimal(15), "")
    assert flags["enforcement_teams"] == (Decimal(1), "")
    assert flags["enforcement_staff"] == (Decimal(7), "")
    assert flags["certified_staff"] == (Decimal(5), "confirm")
    assert flags["enforcement_turnout"] == (None, "update")
    assert stored.figures["training_sessions"].kind == "standing"


def test_a_new_figure_gets_a_default_kind_the_clerk_can_change(app, qtbot):
    from hxdesk.gui.dialogs import InsertFigureDialog

    from .keyboard import type_text

    report = services.sample_report()
    dialog = InsertFigureDialog(report)
    qtbot.addWidget(dialog)
    dialog.create_new.setChecked(True)
    type_text(dialog.label, "法律顾问")
    type_text(dialog.unit, "名")
    assert dialog.kind.currentText() == "常设"
    key = dialog.choose()
    assert report.figures[key].kind == "standing"
    dialog = InsertFigureDialog(report)
    qtbot.addWidget(dialog)
    dialog.create_new.setChecked(True)
    type_text(dialog.label, "办理行政复议案件")
    type_text(dialog.unit, "件")
    assert dialog.kind.currentText() == "每年统计"
    dialog.kind.setCurrentIndex(dialog.kind.findData("standing"))
    dialog.kind.activated.emit(dialog.kind.currentIndex())  # as a click on the list does
    type_text(dialog.unit, "次")  # the clerk's choice stays
    assert report.figures[dialog.choose()].kind == "standing"


def test_a_report_without_last_years_report_shows_no_last_year(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    main.open_report(sample_store.reports.summaries()[0].id)
    form = select(main, ("section", section_using(main, "petitions_received").uid))
    received = row_of(form, "petitions_received")
    assert received.value.text() == "12"
    assert not shown(form, received.last_year) and not shown(form, received.review)
