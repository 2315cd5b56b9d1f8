"""One open hxdesk database: the connection, its opening and upgrade, its transactions.

Foreign keys on, WAL journal, synchronous=FULL (a town-office PC may lose power at any moment), every
write in one transaction, rows read by column name (``sqlite3.Row``).  What the database holds is
reached by job: ``store.reports`` (reports.py), ``store.trash``, ``store.versions`` (versions.py),
``store.settings`` (settings.py) and ``store.annotations`` (annotations.py); codec.py converts
between rows and the model.  No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DamagedDatabase, DatabaseError
from . import place
from .annotations import Annotations
from .lock import FOR_CLI, WriterLock
from .place import open_failure
from .reports import ReportRows, Trash
from .schema import FOREIGN, SCHEMA_VERSION, schema_owner
from .settings import SettingRows
from .summary import ReportSummary
from .versions import SectionVersions

if TYPE_CHECKING:
    from sqlite_utils import Database


def _newer_schema(version: int) -> DatabaseError:
    return DatabaseError(
        f"数据库由更新版本的 hxdesk 创建（数据结构版本 {version}），本程序只支持到版本 {SCHEMA_VERSION}。请升级 hxdesk。"
    )


#: Why an existing file is refused as the database (DamagedDatabase.reason).
EMPTY = "empty"


def _refusal(path: Path, reason: str) -> DamagedDatabase:
    """An empty or foreign file given as the database: refused untouched, with the newest good backup.

    The one check of every opener (the CLI's commands and the GUI's start): hxdesk makes a new
    database only where no file exists yet; it never takes over an existing file.
    """
    from .backup import newest_good_backup

    good = newest_good_backup(path)
    if reason == EMPTY:
        message = f"数据库“{path.name}”是空文件（0 字节），其中没有报告，hxdesk 不会把它当作新数据库使用。"
        if good is None:
            message += "如果要在这里新建数据库，请先删除这个空文件。"
    else:
        message = f"文件“{path.name}”不是 hxdesk 的数据库（其中是其他程序的数据表），hxdesk 没有改动它。"
    return DamagedDatabase(message, path=path, backup=good, reason=reason)


def _create_database(path: Path) -> None:
    """A new, empty database at ``path``, which does not exist yet.

    It is made whole beside the target (SQLite's header, WAL mode) and then linked in, so that
    the database path never holds a 0-byte file, which the next opening would refuse.  A file
    that appeared meanwhile (another process made it) is kept.
    """
    import os
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".~{path.name}.", suffix=".new", dir=place.folder_of(path))
        os.close(fd)
        if os.name == "posix":  # the mode SQLite gives a file it creates, not mkstemp's private 0600
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp, 0o666 & ~mask)
    except OSError as exc:
        raise place.place_failure(exc, path) or DatabaseError(
            f"无法在“{place.folder_of(path)}”中新建数据库（{exc.strerror or exc}）。请检查文件夹的权限。"
        ) from None
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # no hard links (FAT): a rename, which Windows refuses over an existing file
            if not path.exists():
                os.replace(tmp, path)
    except sqlite3.Error as exc:
        raise open_failure(exc, path) from None
    except OSError as exc:
        raise place.place_failure(exc, path) or DatabaseError(
            f"无法新建数据库“{path}”（{exc.strerror or exc}）。", detail=repr(exc)
        ) from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def now_text() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


class Store:
    """One open hxdesk database file.

    ``lock=True`` takes the writer lock (one writing process per database,
    lock.py) for as long as the store is open; ``write=False`` opens for
    reading only, which another process's lock does not prevent.
    """

    def __init__(
        self, path: str | Path, *, check: bool = True, write: bool = True, lock: bool = False, purpose: str = FOR_CLI
    ):
        self.path = Path(path)
        self.writable = write
        #: The clock of saves and history (a test may set another).
        self.clock = _dt.datetime.now
        #: Messages for the user gathered while opening (e.g. a backup that could not be made).
        self.notices: list[str] = []
        #: Called once before the first change is written (the GUI's deferred start-up backup).
        self.before_first_write: Callable[[], object] | None = None
        # What the store holds, by job; each works on this connection.
        self.reports = ReportRows(self)
        self.trash = Trash(self)
        self.versions = SectionVersions(self)
        self.settings = SettingRows(self)
        self.annotations = Annotations(self)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"无法创建数据文件夹：{self.path.parent}（{exc.strerror}）") from None
        if self.path.is_dir():
            raise DatabaseError(f"数据库路径是一个文件夹：{self.path}")
        self._lock = WriterLock(self.path, purpose)
        if lock:
            self._lock.acquire()
        try:
            self._open(check)
        except BaseException:
            self._lock.release()
            raise

    def _open(self, check: bool) -> None:
        """Connect, refuse what is not an hxdesk database (before anything is written), upgrade."""
        read_only = self._read_only_place()
        if not self.path.exists():
            _create_database(self.path)
        elif self.path.stat().st_size == 0:
            raise _refusal(self.path, EMPTY)
        conn = self._connect(read_only)
        conn.row_factory = sqlite3.Row  # columns by name (codec.py); indexes still work
        try:
            # Deleting a row of reports removes its sections and figures.
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if schema_owner(conn) == FOREIGN:
                raise _refusal(self.path, FOREIGN)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:  # refused before anything is written to the file
                raise _newer_schema(version)
            mode = "wal" if read_only else conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if not read_only:
                conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            conn.close()
            raise open_failure(exc, self.path) from None
        except BaseException:
            conn.close()
            raise
        self.journal_mode = mode
        self.conn = conn
        self.read_only = read_only
        self._db: Database | None = None
        try:
            if check:
                self.check_integrity()
            self._migrate()
            if not self.writable:
                conn.execute("PRAGMA query_only = ON")
        except BaseException:
            conn.close()
            raise

    def _read_only_place(self) -> bool:
        """True to read through a read-only connection; a writer is refused a read-only place."""
        if not (place.folder_read_only(self.path) or place.file_read_only(self.path)):
            return False
        if self.writable or not self.path.exists():
            raise DatabaseError(place.read_only_message(self.path))
        return True

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        try:
            if not read_only:
                return sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            from .backup import _ro_uri

            uri = _ro_uri(self.path)
            wal = self.path.with_name(self.path.name + "-wal")
            if place.folder_read_only(self.path) and not (wal.exists() and wal.stat().st_size > 0):
                # No -shm can be made beside it, and nothing can change it: SQLite reads it as it is.
                uri += "&immutable=1"
            return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise open_failure(exc, self.path) from None

    # ---------------------------------------------------------------- setup
    def check_integrity(self) -> None:
        try:
            rows = self.conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"数据库“{self.path}”已损坏，无法读取。", detail=str(exc)) from None
        if [r[0] for r in rows] != ["ok"]:
            raise DatabaseError(f"数据库“{self.path}”未通过完整性检查，可能已损坏。", detail=repr(rows[:5]))

    def integrity_check(self) -> str:
        result: str = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        return result

    @property
    def db(self) -> Database:
        """The sqlite-utils view of the connection (transactions, migrations), made on first use.

        Importing sqlite-utils costs about 15 MB and 0.15 s (it brings click,
        dateutil, pluggy and OpenSSL); the way to the report list only reads
        with plain SQL, so it loads when a report is first opened or written.
        """
        if self._db is None:
            from sqlite_utils import Database

            # No sqlite-utils plugins: hxdesk uses none, and loading them would scan every
            # installed package's entry points (and let a stranger's plugin touch the
            # product's connection).
            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def schema_version(self) -> int:
        version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def _migrate(self) -> None:
        """Bring an older (or new, empty) database to the current schema.

        A database holding data is first copied to a verified backup; the
        migrations run under the writer lock, each in its own transaction.
        """
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise _newer_schema(version)
        if version == SCHEMA_VERSION:
            # user_version is written only after every migration has been applied
            # (below), so the migration records need not be read.
            return
        if self.read_only:
            raise DatabaseError(
                f"数据库“{self.path.name}”来自较早版本的 hxdesk，需要先升级才能使用，但它位于只读的位置，无法升级。"
                "请把它复制到可写的文件夹后再打开。"
            )
        from .migrations import migrations

        try:
            if not migrations.pending(self.db):
                applied = len(migrations.applied(self.db))
                if version < applied and self.writable:  # died between the last migration and the pragma
                    self.conn.execute(f"PRAGMA user_version = {applied}")
                return
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"无法读取数据库“{self.path}”。", detail=str(exc)) from None
        with WriterLock(self.path, self._lock.purpose):
            try:
                if not migrations.pending(self.db):  # another process upgraded it meanwhile
                    return
                if "reports" in self.db.table_names():
                    from .backup import make_backup
                    from .backupinfo import KIND_UPGRADE

                    make_backup(self.path, kind=KIND_UPGRADE, note=f"v{version}")
                migrations.apply(self.db)
                applied = len(migrations.applied(self.db))
                self.conn.execute(f"PRAGMA user_version = {applied}")
            except sqlite3.DatabaseError as exc:
                raise DatabaseError(f"无法升级数据库“{self.path}”。", detail=str(exc)) from None

    def require_write(self) -> None:
        if not self.writable:
            raise DatabaseError("数据库以只读方式打开，不能修改。")
        if self.before_first_write is not None:
            hook, self.before_first_write = self.before_first_write, None
            hook()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction; a full disk or a read-only place is said so (DatabaseError), never raw."""
        self.require_write()
        try:
            with self.db.atomic():
                yield
        except sqlite3.OperationalError as exc:
            worded = place.write_failure(exc, self.path)
            if worded is None:
                raise
            raise worded from None

    def now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    @property
    def lock_purpose(self) -> str:
        """Who holds the writer lock (the GUI or the CLI): it words the refusal others get."""
        return self._lock.purpose

    def close(self) -> None:
        try:
            self.conn.close()
        except (sqlite3.Error, AttributeError):  # pragma: no cover
            pass
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Store", "ReportSummary", "DatabaseError"]
