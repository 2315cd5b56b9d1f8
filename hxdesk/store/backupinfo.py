"""What a backup is, as the lists and messages name it (no file is touched here).

A leaf module: ``errors.DamagedDatabase`` names the backup it offers without importing the backup
machinery (store/backup.py), which imports the errors.  No Qt here.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

KIND_STARTUP = "startup"
KIND_DAILY = "daily"
KIND_MANUAL = "manual"
KIND_UPGRADE = "upgrade"
KIND_PRERESTORE = "prerestore"

KIND_LABELS = {
    KIND_STARTUP: "启动时自动备份",
    KIND_DAILY: "每日自动备份",
    KIND_MANUAL: "手动备份",
    KIND_UPGRADE: "升级前备份",
    KIND_PRERESTORE: "恢复前备份",
}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: _dt.datetime
    kind: str
    note: str = ""

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def label(self) -> str:
        """2026-11-25 08:30:12（启动时自动备份）"""
        what = KIND_LABELS.get(self.kind, self.kind)
        if self.kind == KIND_UPGRADE and self.note:
            what += f"，原数据结构版本 {self.note.lstrip('v')}"
        return f"{self.created:%Y-%m-%d %H:%M:%S}（{what}）"
