"""The mouse wheel over a field without keyboard focus scrolls the form and changes
nothing (a qualifier, the report year, the date); a focused field still takes it."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from hxdesk.gui.dialogs import NewReportDialog, SettingsDialog
from hxdesk.gui.forms import ClosingForm, TitleForm

NOTCH = 120  # one notch of a mouse wheel (angleDelta)


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One wheel turn over the middle of ``widget`` (negative: towards the user, i.e. scroll down)."""
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, notches * NOTCH),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def small_window(open_window, store, qtbot, target):
    """The editor in a small window showing ``target``, the form scrolled to the top.

    The window cannot be made shorter than its minimum, so the title and closing
    forms are made taller: the report gets more issuers and signature lines.
    """
    rid = store.reports.summaries()[0].id
    report = store.reports.load(rid)
    more = [f"联合发文机关{n}" for n in range(1, 17)]
    report.issuers = [*report.issuers, *more]
    report.signatures = [*report.signatures, *more]
    store.reports.save(rid, report)
    main = open_window(store)
    main.open_report(rid)
    main.window.resize(900, 330)
    main.editor.goto(target)
    bar = main.ui.formArea.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # the form can scroll
    bar.setValue(0)
    return main, bar


def focus(main, qtbot, widget: QWidget) -> None:
    main.window.activateWindow()
    qtbot.waitUntil(main.window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def assert_unchanged_and_scrolled(main, store, bar, before_saved) -> None:
    assert bar.value() > 0  # the form scrolled
    assert not main.autosaver.dirty  # nothing to save
    main.save_now()
    assert store.reports.summary(main.report_id).updated_at == before_saved


def test_wheel_over_unfocused_qualifier_scrolls_the_form(open_window, sample_store, qtbot):
    report = sample_store.reports.load(sample_store.reports.summaries()[0].id)
    section = next(s for s, _ in report.walk() if "枫桥经验" in s.heading)  # a section with figures
    main, bar = small_window(open_window, sample_store, qtbot, ("section", section.uid))
    before_saved = sample_store.reports.summary(main.report_id).updated_at
    row = next(r for r in main.form.figures_panel.rows if r.qualifier is not None)
    combo = row.qualifier
    index, qualifier = combo.currentIndex(), main.report.figures[row.key].qualifier
    focus(main, qtbot, main.form.heading)  # another field has the focus

    wheel(combo)
    assert combo.currentIndex() == index and main.report.figures[row.key].qualifier == qualifier
    assert not combo.hasFocus()
    assert_unchanged_and_scrolled(main, sample_store, bar, before_saved)

    # focused, a figure's qualifier does not take the wheel either (test_figure_input.py)
    focus(main, qtbot, combo)
    wheel(combo)
    assert combo.currentIndex() == index and main.report.figures[row.key].qualifier == qualifier


def test_wheel_over_unfocused_year_scrolls_the_form(open_window, sample_store, qtbot):
    main, bar = small_window(open_window, sample_store, qtbot, ("title",))
    before_saved = sample_store.reports.summary(main.report_id).updated_at
    form = main.form
    assert isinstance(form, TitleForm)
    year = form.year
    assert year.value() == 2024
    focus(main, qtbot, form.title)

    wheel(year)  # one notch down: not 2023
    assert year.value() == 2024 and main.report.year == 2024
    assert_unchanged_and_scrolled(main, sample_store, bar, before_saved)
    wheel(year, +1)  # and back up: not 2025
    assert year.value() == 2024 and main.report.year == 2024
    assert bar.value() == 0 and not main.autosaver.dirty

    focus(main, qtbot, year)
    scrolled = bar.value()
    wheel(year, +1)
    assert year.value() == 2025 and main.report.year == 2025
    assert main.autosaver.dirty and bar.value() == scrolled


def test_wheel_over_unfocused_date_scrolls_the_form(open_window, sample_store, qtbot):
    main, bar = small_window(open_window, sample_store, qtbot, ("closing",))
    form = main.form
    assert isinstance(form, ClosingForm)
    form.has_date.setChecked(True)
    form.date.setDate(QDate(2025, 1, 10))
    assert main.save_now()
    before_saved = sample_store.reports.summary(main.report_id).updated_at
    bar.setValue(0)
    focus(main, qtbot, form.signatures)

    wheel(form.date)
    assert form.date.date() == QDate(2025, 1, 10) and main.report.date == _dt.date(2025, 1, 10)
    assert_unchanged_and_scrolled(main, sample_store, bar, before_saved)

    focus(main, qtbot, form.date)
    wheel(form.date, +1)
    assert form.date.date() != QDate(2025, 1, 10)
    assert main.report.date != _dt.date(2025, 1, 10) and main.autosaver.dirty


def test_wheel_over_unfocused_dialog_fields_changes_nothing(open_window, sample_store, qtbot):
    main = open_window(sample_store)
    dialog = NewReportDialog(main.workspace, main.window)
    year, template = dialog.ui.yearSpin, dialog.ui.templateCombo
    before = (year.value(), template.currentIndex())
    assert template.count() > 1 and template.currentIndex() == 0
    wheel(year)
    wheel(template)
    assert (year.value(), template.currentIndex()) == before

    settings = SettingsDialog(main.workspace, main.window)
    body = settings.ui.bodyCombo
    text = body.currentText()
    wheel(body)
    assert body.currentText() == text and settings.radios["gb2312"].isChecked()


def test_the_wheel_gives_no_focus(open_window, sample_store, qtbot):
    """Combo boxes, spin boxes and date fields take focus by click and Tab only."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    from hxdesk.gui.dialogs import InsertFigureDialog

    report = sample_store.reports.load(sample_store.reports.summaries()[0].id)
    section = next(s for s, _ in report.walk() if "枫桥经验" in s.heading)
    main, _ = small_window(open_window, sample_store, qtbot, ("section", section.uid))
    roots = [main.form]
    for target in (("title",), ("closing",)):
        main.editor.goto(target)
        roots.append(main.form)
    roots += [
        NewReportDialog(main.workspace, main.window).dialog,
        SettingsDialog(main.workspace, main.window).dialog,
        InsertFigureDialog(main.report, main.window),
    ]
    fields = [w for root in roots for w in root.findChildren(QWidget) if isinstance(w, (QComboBox, QAbstractSpinBox))]
    assert len(fields) >= 12
    assert {w.focusPolicy() for w in fields} == {Qt.FocusPolicy.StrongFocus}
