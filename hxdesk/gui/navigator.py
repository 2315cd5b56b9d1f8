"""The navigator: the tree of the report's parts, and the structural edits on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTreeWidgetItem

from .. import outline
from ..figures import expand_text
from ..model import MAX_LEVEL, Report, Section, numbering_labels

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from .uiload import UiHolder

Target = tuple[str, ...]
TARGET_ROLE = 0x0100  # Qt.ItemDataRole.UserRole (item data roles are plain ints to Qt)
TITLE: Target = ("title",)
OFFICIAL: Target = ("official",)
INTRO: Target = ("intro",)
CLOSING: Target = ("closing",)
LEVEL_HOLDER_NAME = "（不显示的层级）"  # Section.holds_level: no heading line, children numbered one level down


def short(text: str, n: int = 36) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def count_below(section: Section) -> int:
    return sum(1 + count_below(c) for c in section.children)


def section_target(uid: str) -> Target:
    return ("section", uid)


# ---------------------------------------------------------------- structural edits
# Each returns the uid to select afterwards, or None when nothing changed.


def _add(report: Report, uid: str | None) -> str | None:
    return outline.add_after(report, uid).uid


def _insert(report: Report, uid: str | None) -> str | None:
    return outline.insert_before(report, uid).uid


def _child(report: Report, uid: str) -> str | None:
    child = outline.add_child(report, uid)
    return child.uid if child else None


def _delete(report: Report, uid: str) -> str | None:
    siblings, i, _, parent = outline.locate(report, uid)
    outline.delete(report, uid)
    if siblings:
        return siblings[min(i, len(siblings) - 1)].uid
    return parent.uid if parent else ""  # "" selects the title: the report has no section left


def _step(change: Callable[[Report, str], bool]) -> Callable[[Report, str], str | None]:
    return lambda report, uid: uid if change(report, uid) else None


@dataclass(frozen=True)
class StructureOp:
    apply: Callable[[Report, str], str | None]
    needs_section: bool = True  # add and insert also work with no section selected
    focuses_heading: bool = False  # a new section: type its heading at once


STRUCTURE_OPS: dict[str, StructureOp] = {
    "add": StructureOp(_add, needs_section=False, focuses_heading=True),  # type: ignore[arg-type]
    "insert": StructureOp(_insert, needs_section=False, focuses_heading=True),  # type: ignore[arg-type]
    "child": StructureOp(_child, focuses_heading=True),
    "delete": StructureOp(_delete),
    "up": StructureOp(_step(lambda r, u: outline.move(r, u, -1))),
    "down": StructureOp(_step(lambda r, u: outline.move(r, u, 1))),
    "indent": StructureOp(_step(outline.indent)),
    "outdent": StructureOp(_step(outline.outdent)),
}


class NavigatorHost(Protocol):
    """What the navigator needs from the editor."""

    report: Report | None

    def show_form(self, target: Target) -> None: ...
    def touch(self) -> None: ...
    def focus_heading(self) -> None: ...
    def section_history(self, uid: str | None = None) -> object: ...
    def deleted_sections(self) -> object: ...


class Navigator(QObject):
    """Fills ui.navTree from the report, keeps its texts and buttons current, runs STRUCTURE_OPS."""

    def __init__(self, host: NavigatorHost, ui: UiHolder, window: QMainWindow):
        super().__init__(window)
        self.host = host
        self.ui = ui
        self.window = window
        self.items: dict[Target, QTreeWidgetItem] = {}
        self.labels: dict[str, str] = {}  # numbering, computed once per structural change
        self.shown: dict[str, str] = {}  # uid -> heading as the tree shows it (shared openings as …)
        self.sections: dict[str, Section] = {}  # uid -> section, as of the last build
        self.siblings: dict[str, list[Section]] = {}  # uid -> the list holding the section
        for button, op in (
            (ui.addSectionButton, "add"),
            (ui.insertSectionButton, "insert"),
            (ui.addChildButton, "child"),
            (ui.deleteSectionButton, "delete"),
            (ui.moveUpButton, "up"),
            (ui.moveDownButton, "down"),
            (ui.outdentButton, "outdent"),
            (ui.indentButton, "indent"),
        ):
            button.clicked.connect(lambda _=False, o=op: self.apply(o))
        ui.navTree.currentItemChanged.connect(self._selection_changed)
        ui.navTree.customContextMenuRequested.connect(self._context_menu)

    def target_name(self, target: Target) -> str:
        if target == TITLE:
            return "标题与发文机关"
        if target == OFFICIAL:
            return "发文与版记"
        if target == INTRO:
            return "开头段落"
        if target == CLOSING:
            return "落款与日期"
        report = self.host.report
        assert report is not None
        section = self.sections.get(target[1]) or report.find(target[1])
        if section is not None and section.holds_level and section.children:
            return LEVEL_HOLDER_NAME
        return self.labels.get(target[1], "") + short(self.shown.get(target[1]) or self._heading(section))

    def _heading(self, section: Section | None) -> str:
        report = self.host.report
        assert report is not None
        return expand_text(section.heading, report) if section and section.heading else "（无标题）"

    def _compute_shown(self, groups: list[list[Section]]) -> set[str]:
        """What the tree shows of each heading in ``groups`` (lists of siblings); the uids it changed."""
        changed = set()
        for siblings in groups:
            headings = [self._heading(s) for s in siblings]
            for s, shown in zip(siblings, outline.distinct_headings(headings), strict=True):
                if self.shown.get(s.uid) != shown:
                    self.shown[s.uid] = shown
                    changed.add(s.uid)
        return changed

    def build(self, select: Target | None = None) -> None:
        """Rebuild the tree (after opening a report or a structural edit) and show ``select``."""
        report = self.host.report
        assert report is not None
        tree = self.ui.navTree
        tree.blockSignals(True)
        tree.clear()
        self.items = {}

        def add(parent: object, target: Target) -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent)  # type: ignore[call-overload]
            item.setData(0, TARGET_ROLE, target)
            self.items[target] = item
            return item

        def add_sections(parent: object, sections: list[Section]) -> None:
            for s in sections:
                add_sections(add(parent, section_target(s.uid)), s.children)

        add(tree, TITLE)
        add(tree, OFFICIAL)
        add(tree, INTRO)
        add_sections(tree, report.sections)
        add(tree, CLOSING)
        tree.expandAll()
        self.labels = numbering_labels(report)
        self.shown = {}
        groups = [report.sections] + [s.children for s, _ in report.walk() if s.children]
        self.sections = {s.uid: s for group in groups for s in group}
        self.siblings = {s.uid: group for group in groups for s in group}
        self._compute_shown(groups)
        self.refresh_texts()
        tree.blockSignals(False)
        item = self.items.get(select or TITLE) or self.items[TITLE]
        tree.setCurrentItem(item)
        self.host.show_form(item.data(0, TARGET_ROLE))

    def refresh_texts(self, only: Target | None = None) -> None:
        """The items' texts (all, or the one whose heading changed); numbering is unchanged by typing."""
        report = self.host.report
        if report is None:
            return
        targets: list[Target] = list(self.items) if only is None else [only]
        if only is not None and only[0] == "section" and only[1] in self.siblings:
            # a new heading can change what its siblings share: those items change too
            changed = self._compute_shown([self.siblings[only[1]]])
            targets += [section_target(uid) for uid in changed if uid != only[1]]
        for target in targets:
            item = self.items.get(target)
            if item is None:
                continue
            item.setText(0, self.target_name(target))
            if target[0] == "section":
                section = self.sections.get(target[1]) or report.find(target[1])
                item.setToolTip(0, self.labels.get(target[1], "") + self._heading(section))
            else:
                font = item.font(0)
                font.setItalic(True)
                item.setFont(0, font)

    def current_target(self) -> Target | None:
        item = self.ui.navTree.currentItem()
        return item.data(0, TARGET_ROLE) if item else None

    def select(self, target: Target) -> bool:
        item = self.items.get(target)
        if item is None:
            return False
        self.ui.navTree.setCurrentItem(item)
        return True

    def _selection_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.host.show_form(current.data(0, TARGET_ROLE))

    def update_buttons(self) -> None:
        target = self.current_target()
        report = self.host.report
        ui = self.ui
        uid = target[1] if report is not None and target and target[0] == "section" else None
        ui.deleteSectionButton.setEnabled(uid is not None)
        for button, allowed in (
            (ui.addChildButton, outline.can_add_child),
            (ui.moveUpButton, lambda r, u: outline.can_move(r, u, -1)),
            (ui.moveDownButton, lambda r, u: outline.can_move(r, u, 1)),
            (ui.indentButton, outline.can_indent),
            (ui.outdentButton, outline.can_outdent),
        ):
            button.setEnabled(uid is not None and report is not None and allowed(report, uid))
        ui.addChildButton.setToolTip(
            "在选中的章节下添加一个下级章节"
            if ui.addChildButton.isEnabled() or uid is None
            else f"报告最多分{MAX_LEVEL}级（一、（一）1.（1）），这一级下面不能再添加下级。"
        )
        ui.actionSectionHistory.setEnabled(uid is not None)

    def apply(self, name: str) -> None:
        """Apply a navigator button (an entry of STRUCTURE_OPS) to the selected section."""
        report = self.host.report
        if report is None:
            return
        op = STRUCTURE_OPS[name]
        target = self.current_target()
        uid = target[1] if target and target[0] == "section" else None
        if uid is None and op.needs_section:
            return
        if name == "delete" and not self._confirm_delete(report, uid):  # type: ignore[arg-type]
            return
        select = op.apply(report, uid)  # type: ignore[arg-type]
        if select is None:
            return
        self.host.touch()
        self.build(section_target(select) if select else TITLE)
        if op.focuses_heading:
            self.host.focus_heading()

    def _confirm_delete(self, report: Report, uid: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        section = report.find(uid)
        if not section or not (section.heading or section.blocks or section.children):
            return True  # nothing is lost
        below = f"及其{count_below(section)}个下级章节" if section.children else ""
        answer = QMessageBox.question(
            self.window,
            "删除章节",
            f"删除“{short(self._heading(section))}”{below}？\n\n删除后可以在“编辑 → 已删除的章节…”中恢复到原处。",
        )
        return answer == QMessageBox.StandardButton.Yes

    def _context_menu(self, pos: object) -> None:
        from PySide6.QtWidgets import QMenu

        item = self.ui.navTree.itemAt(pos)  # type: ignore[call-overload]
        if item is not None:
            self.ui.navTree.setCurrentItem(item)
        target = self.current_target()
        menu = QMenu(self.window)
        if target and target[0] == "section":
            menu.addAction("历史版本…", self.host.section_history)
            menu.addSeparator()
            for text, op in (("添加章节", "add"), ("插入章节", "insert"), ("添加下级", "child"), ("删除", "delete")):
                menu.addAction(text, lambda o=op: self.apply(o))
            menu.addSeparator()
        menu.addAction("已删除的章节…", self.host.deleted_sections)
        menu.exec(self.ui.navTree.viewport().mapToGlobal(pos))  # type: ignore[call-overload]
