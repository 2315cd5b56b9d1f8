"""The SQLite store: reports, sections and figures, through sqlite-utils.

Foreign keys on, WAL journal, synchronous=FULL (a town-office PC may lose power
at any moment), every write in one transaction.  Returns model objects only.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from sqlite_utils import Database

from ..errors import HxError, NotFound
from ..interchange import block_to_dict, report_from_dict
from ..model import Report, Section, new_uid
from .migrations import SCHEMA_VERSION, migrations


def now_text() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


@dataclass
class ReportSummary:
    """One row of the report list."""

    id: int
    uid: str
    name: str
    year: int
    issuers: list[str]
    title: str
    template: str
    created_at: str
    updated_at: str
    deleted_at: str | None

    @property
    def display_name(self) -> str:
        return self.name or (self.issuers[0] if self.issuers else "（未命名）")


class DatabaseError(HxError):
    pass


class Store:
    """One open hxdesk database file."""

    def __init__(self, path: str | Path, *, check: bool = True):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"无法创建数据文件夹：{self.path.parent}（{exc.strerror}）") from None
        if self.path.is_dir():
            raise DatabaseError(f"数据库路径是一个文件夹：{self.path}")
        try:
            conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            # Deleting a row of reports removes its sections and figures.
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"无法打开数据库“{self.path}”：它不是 hxdesk 数据库或已损坏。", detail=str(exc)) from None
        self.journal_mode = mode
        self.conn = conn
        self.db = Database(conn)
        if check:
            self.check_integrity()
        self._migrate()

    # ---------------------------------------------------------------- setup
    def check_integrity(self) -> None:
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"数据库“{self.path}”已损坏，无法读取。", detail=str(exc)) from None
        if [r[0] for r in rows] != ["ok"]:
            raise DatabaseError(f"数据库“{self.path}”未通过完整性检查，可能已损坏。", detail=repr(rows[:5]))

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"数据库由更新版本的 hxdesk 创建（数据结构版本 {version}），本程序只支持到版本 {SCHEMA_VERSION}。请升级 hxdesk。"
            )
        try:
            pending = migrations.pending(self.db)
            if pending:
                migrations.apply(self.db)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"无法升级数据库“{self.path}”。", detail=str(exc)) from None

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:  # pragma: no cover
            pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- reports
    def list_reports(self, *, deleted: bool = False) -> list[ReportSummary]:
        where = "deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"
        rows = self.conn.execute(
            f"SELECT id, uid, name, year, issuers, title, template, created_at, updated_at, deleted_at "
            f"FROM reports WHERE {where} ORDER BY year DESC, updated_at DESC, id DESC"
        ).fetchall()
        return [
            ReportSummary(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8], r[9]) for r in rows
        ]

    def summary(self, report_id: int) -> ReportSummary:
        for s in self.list_reports() + self.list_reports(deleted=True):
            if s.id == report_id:
                return s
        raise NotFound(f"找不到编号为 {report_id} 的报告。")

    def _row(self, report_id: int) -> dict[str, Any]:
        cur = self.conn.execute("SELECT * FROM reports WHERE id = ?", (report_id,))
        row = cur.fetchone()
        if row is None:
            raise NotFound(f"找不到编号为 {report_id} 的报告。")
        return dict(zip([c[0] for c in cur.description], row))

    def load(self, report_id: int) -> Report:
        """The whole report, validated through the interchange reader."""
        row = self._row(report_id)
        sec_rows = self.conn.execute(
            "SELECT uid, parent_uid, heading, run_in, numbered, blocks FROM sections "
            "WHERE report_id = ? ORDER BY position",
            (report_id,),
        ).fetchall()
        children: dict[str | None, list[dict[str, Any]]] = {}
        for uid, parent, heading, run_in, numbered, blocks in sec_rows:
            children.setdefault(parent, []).append(
                {"uid": uid, "heading": heading, "run_in": bool(run_in), "numbered": bool(numbered),
                 "blocks": json.loads(blocks)}
            )

        def tree(parent: str | None) -> list[dict[str, Any]]:
            out = children.get(parent, [])
            for node in out:
                node["children"] = tree(node["uid"])
            return out

        fig_rows = self.conn.execute(
            "SELECT key, label, value, unit, qualifier, formula, decimals, at_most FROM figures "
            "WHERE report_id = ? ORDER BY position",
            (report_id,),
        ).fetchall()
        data = {
            "format": "hxdesk-report",
            "version": 1,
            "report": {
                "uid": row["uid"], "name": row["name"], "template": row["template"], "year": row["year"],
                "title": row["title"], "issuers": json.loads(row["issuers"]), "addressee": row["addressee"],
                "intro": json.loads(row["intro"]), "signatures": json.loads(row["signatures"]),
                "date": row["date"], "sections": tree(None),
                "figures": [
                    {"key": k, "label": lb, "value": v, "unit": u, "qualifier": q, "formula": f, "decimals": d,
                     "at_most": am}
                    for k, lb, v, u, q, f, d, am in fig_rows
                ],
            },
        }
        return report_from_dict(data)

    def add(self, report: Report) -> int:
        """Store a new report; a uid already present is replaced by a fresh one."""
        with self.db.atomic():
            if self.conn.execute("SELECT 1 FROM reports WHERE uid = ?", (report.uid,)).fetchone():
                report.uid = new_uid()
            ts = now_text()
            cur = self.conn.execute(
                "INSERT INTO reports (uid, year, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (report.uid, report.year, ts, ts),
            )
            report_id = int(cur.lastrowid or 0)
            self._write(report_id, report, ts)
        return report_id

    def save(self, report_id: int, report: Report) -> str:
        """Replace the stored content of a report in one transaction; returns the save time."""
        with self.db.atomic():
            self._row(report_id)
            ts = now_text()
            self._write(report_id, report, ts)
        return ts

    def _write(self, report_id: int, report: Report, ts: str) -> None:
        self.conn.execute(
            "UPDATE reports SET name=?, template=?, year=?, title=?, issuers=?, addressee=?, intro=?, "
            "signatures=?, date=?, updated_at=? WHERE id=?",
            (
                report.name, report.template, report.year, report.title,
                json.dumps(report.issuers, ensure_ascii=False), report.addressee,
                json.dumps([block_to_dict(b) for b in report.intro], ensure_ascii=False),
                json.dumps(report.signatures, ensure_ascii=False),
                report.date.isoformat() if report.date else None, ts, report_id,
            ),
        )
        self.conn.execute("DELETE FROM sections WHERE report_id = ?", (report_id,))
        self.conn.executemany(
            "INSERT INTO sections (report_id, uid, parent_uid, position, heading, run_in, numbered, blocks) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (report_id, s.uid, parent, pos, s.heading, int(s.run_in), int(s.numbered),
                 json.dumps([block_to_dict(b) for b in s.blocks], ensure_ascii=False))
                for pos, (s, parent) in enumerate(_flatten(report.sections, None))
            ],
        )
        self.conn.execute("DELETE FROM figures WHERE report_id = ?", (report_id,))
        self.conn.executemany(
            "INSERT INTO figures (report_id, key, position, label, value, unit, qualifier, formula, decimals, at_most) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (report_id, f.key, pos, f.label, _decimal_text(f.value), f.unit, f.qualifier, f.formula,
                 f.decimals, f.at_most)
                for pos, f in enumerate(report.figures.values())
            ],
        )

    def set_deleted(self, report_id: int, deleted: bool) -> None:
        """Move a report to the trash (回收站) or back."""
        with self.db.atomic():
            self._row(report_id)
            self.conn.execute(
                "UPDATE reports SET deleted_at = ? WHERE id = ?", (now_text() if deleted else None, report_id)
            )

    def purge(self, report_id: int) -> None:
        """Delete a report for good (its sections and figures go with it)."""
        with self.db.atomic():
            self._row(report_id)
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))

    # ---------------------------------------------------------------- settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        with self.db.atomic():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )


def _flatten(sections: list[Section], parent: str | None) -> Iterator[tuple[Section, str | None]]:
    for s in sections:
        yield s, parent
        yield from _flatten(s.children, s.uid)


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


__all__ = ["Store", "ReportSummary", "DatabaseError"]
