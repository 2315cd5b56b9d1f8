"""The font files this PC has, and which of them stands in for each font the report asks for.

The page engine (rdocx) substitutes a missing font silently, so the preview and the PDF are laid
out with fonts chosen here, by name, and the user is told which ones stand in.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .profile import FONT_ENGLISH_NAMES, FontProfile, fallback_chain

FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")

# When neither a font nor its fallbacks are installed: faces of the same kind, Windows' first,
# then the free ones Linux distributions ship (the same choice as tests/data/preview-fonts.conf).
_SONG = ["宋体", "SimSun", "华文中宋", "STZhongsong", "AR PL SungtiL GB", "Noto Serif CJK SC", "Source Han Serif SC"]
_KAI = ["楷体", "KaiTi", "华文楷体", "STKaiti", "AR PL KaitiM GB", "AR PL UKai CN"]
_HEI = [
    "黑体",
    "SimHei",
    "微软雅黑",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]
_LATIN = ["Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif"]
_ANY_CHINESE = _SONG + _HEI + _KAI


@dataclass(frozen=True)
class FontFace:
    """One face of a font file; ``family`` is the name the face gives itself (in English when it has one)."""

    family: str
    path: str
    index: int = 0


@dataclass(frozen=True)
class Substitution:
    wanted: str
    used: str | None  # None: no Chinese font at all, the engine's own default stands in

    def describe(self) -> str:
        if self.used is None:
            return f"{self.wanted} 未安装，也没有可代替的字体"
        return f"{self.wanted} 未安装，以 {self.used} 代替"


@dataclass(frozen=True)
class FontChoice:
    """The profile to lay the pages out with (installed families only), the faces it needs, and what stands in."""

    profile: FontProfile
    faces: tuple[FontFace, ...]
    substitutions: tuple[Substitution, ...]


class FontCatalogue:
    """Installed faces by every family name they carry (English and Chinese)."""

    def __init__(self, faces: Iterable[tuple[Iterable[str], FontFace]]):
        self._by_name: dict[str, FontFace] = {}
        for names, face in faces:
            for name in names:
                self._by_name.setdefault(name.strip().casefold(), face)

    def find(self, name: str) -> FontFace | None:
        for candidate in (name, FONT_ENGLISH_NAMES.get(name, "")):
            face = self._by_name.get(candidate.strip().casefold()) if candidate else None
            if face is not None:
                return face
        return None

    def __len__(self) -> int:
        return len(self._by_name)


def _kind_candidates(name: str) -> list[str]:
    if "黑" in name or "Hei" in name:
        return _HEI
    if "楷" in name or "Kai" in name:
        return _KAI
    if any("\u4e00" <= ch <= "\u9fff" for ch in name) or "Song" in name or "Fang" in name:
        return _SONG
    return _LATIN


def choose_fonts(profile: FontProfile, catalogue: FontCatalogue) -> FontChoice:
    """Each font of ``profile`` as an installed face: itself, its fallback (render.profile), or one of its kind."""
    data = profile.to_dict()
    faces: dict[str, FontFace] = {}
    substitutions: dict[str, Substitution] = {}
    for key, wanted in data.items():
        if not isinstance(wanted, str):
            continue
        kind = _kind_candidates(wanted)
        for candidate in [*fallback_chain(wanted), *kind, *(_ANY_CHINESE if kind is not _LATIN else [])]:
            face = catalogue.find(candidate)
            if face is not None:
                if candidate != wanted:
                    substitutions[wanted] = Substitution(wanted, candidate)
                break
        else:
            substitutions[wanted] = Substitution(wanted, None)
            continue
        data[key] = face.family
        faces[face.family] = face
    return FontChoice(FontProfile.from_dict(data), tuple(faces.values()), tuple(substitutions.values()))


def _fontconfig_faces() -> list[tuple[list[str], FontFace]]:
    import subprocess

    out = subprocess.run(
        ["fc-list", "--format", "%{family}\t%{style}\t%{file}\t%{index}\n"],
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout
    faces = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].lower().endswith(FONT_SUFFIXES):
            continue
        names = [n for n in parts[0].split(",") if n.strip()]
        if names:
            index = int(parts[3]) if parts[3].isdigit() else 0
            regular = any(s.strip() in ("Regular", "Book", "Normal", "Medium") for s in parts[1].split(","))
            faces.append((not regular, names, FontFace(names[0].strip(), parts[2], index)))
    # A family's regular face first: the catalogue keeps the first face it sees under each name.
    faces.sort(key=lambda f: f[0])
    return [(names, face) for _, names, face in faces]


def _face_names(font: object) -> tuple[str, list[str]]:
    """(the English family, every family name) from a face's name table (IDs 1 and 16)."""
    table = font["name"]  # type: ignore[index]
    english, names = "", []
    for record in table.names:
        if record.nameID not in (1, 16):
            continue
        try:
            text = record.toUnicode().strip()
        except UnicodeDecodeError:
            continue
        if text:
            names.append(text)
            if not english and record.platformID == 3 and record.langID == 0x409:
                english = text
    return english or (names[0] if names else ""), names


def scan_font_files(folders: Iterable[Path]) -> list[tuple[list[str], FontFace]]:
    """Every face of the font files in ``folders`` (not recursive), named from the files themselves."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    faces = []
    for folder in folders:
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
        except OSError:
            continue
        for path in files:
            try:
                with path.open("rb") as handle:  # lazy tables read from the open file: closed here
                    if path.suffix.lower() in (".ttc", ".otc"):
                        fonts = list(TTCollection(handle, lazy=True).fonts)
                    else:
                        fonts = [TTFont(handle, lazy=True)]
                    for index, font in enumerate(fonts):
                        family, names = _face_names(font)
                        if family:
                            faces.append((names, FontFace(family, str(path), index)))
            except (TTLibError, OSError, ValueError, KeyError, AssertionError, IndexError, TypeError, struct.error):
                continue  # a damaged or unusual file is not a font we can offer
    return faces


def system_font_folders() -> list[Path]:
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        user = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windows, user]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return []


@lru_cache(maxsize=1)
def system_catalogue() -> FontCatalogue:
    """The PC's fonts: fontconfig's list where it exists (Linux), else the font folders read with fontTools."""
    import subprocess

    faces: list[tuple[list[str], FontFace]] = []
    if sys.platform not in ("win32", "darwin"):
        try:
            faces = _fontconfig_faces()
        except (OSError, subprocess.SubprocessError):
            faces = []
    if not faces:
        faces = scan_font_files(system_font_folders())
    return FontCatalogue(faces)


@lru_cache(maxsize=16)
def face_bytes(face: FontFace) -> bytes:
    return Path(face.path).read_bytes()


FONT_FOLDER_PREFIX = "hxdesk-fonts-"


@lru_cache(maxsize=8)
def face_folder(faces: tuple[FontFace, ...]) -> str:
    """A folder holding just these faces' files, for the engine's ``font_dirs``.

    Handing rdocx the fonts as bytes makes it parse them with the GIL held (about 100 ms a layout for
    30 MB of CJK fonts, during which the GUI thread stands still); from a folder it reads them
    without holding it. Links where the system allows them, else copies; removed at exit, or by the
    next process when this one is killed.
    """
    import shutil

    from ..fsutil import process_temp_folder

    folder = process_temp_folder(FONT_FOLDER_PREFIX)
    for n, path in enumerate(sorted({face.path for face in faces})):
        target = folder / f"{n:02d}{Path(path).suffix.lower()}"
        try:
            target.symlink_to(path)
        except OSError:  # Windows without the privilege to link
            shutil.copyfile(path, target)
    return str(folder)
