"""The official format's numbers (GB/T 9704-2012) and the font setting.

All lengths are in twips (1/20 pt) unless the name says otherwise.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ..errors import InvalidInput


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value / 25.4 * 1440)


# GB/T 9704-2012 5.2.1: A4 paper; 5.2.2 版心 156 × 225 mm with these margins.
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN_TOP = mm(37)
MARGIN_BOTTOM = mm(35)
MARGIN_LEFT = mm(28)
MARGIN_RIGHT = mm(26)

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# 225 mm = 637.8 pt; 22 lines need at most 28.99 pt each.  579 twips = 28.95 pt.
LINE_PITCH = 579
# 3号 = 16 pt; 156 mm = 442.2 pt holds only 27 characters of 16 pt.  Condensing
# every run by 0.25 pt (w:spacing -5) makes each character 15.75 pt: 28 fit, in
# Word and in LibreOffice alike (LibreOffice misrenders Word's char grid).
BODY_SIZE_HALF_POINTS = 32
TITLE_SIZE_HALF_POINTS = 44  # 2号
PAGE_NUMBER_SIZE_HALF_POINTS = 28  # 4号
CONDENSE = -5  # twentieths of a point
CHAR_PITCH = 16 * 20 + CONDENSE  # 315 twips: one 字 of body text
TITLE_CHAR_PITCH = 22 * 20 + CONDENSE
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
TITLE_CHARS_PER_LINE = TEXT_WIDTH // TITLE_CHAR_PITCH  # 20

# 7.5: the page number's dash line lies 7 mm below the 版心, i.e. 28 mm above
# the page edge.  The footer distance is measured from the page edge to the
# bottom of the footer line; the dash of a 4号 line sits about 3.6 mm above it.
FOOTER_DISTANCE = mm(35 - 7 - 3.6)
HEADER_DISTANCE = mm(15)
PAGE_NUMBER_INDENT = 14 * 20  # 1 字 of 4号 from the edge of the text area


@dataclass
class FontProfile:
    """Which font each part of the report uses; names as Word shows them."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    latin: str = "Times New Roman"
    page_number: str = "宋体"
    level3_bold: bool = False

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> FontProfile:
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            if f.type in ("bool", bool):
                if not isinstance(v, bool):
                    raise InvalidInput(f"字体设置“{f.name}”应为是或否。")
            elif not isinstance(v, str) or not v.strip() or len(v) > 64:
                raise InvalidInput(f"字体设置“{f.name}”无效。")
            kwargs[f.name] = v.strip() if isinstance(v, str) else v
        return cls(**kwargs)  # type: ignore[arg-type]


#: Two ready-made choices: government PCs often have the _GB2312 fonts; every
#: Windows with the Chinese supplemental fonts has 仿宋 and 楷体.
FONT_PRESETS: dict[str, FontProfile] = {
    "gb2312": FontProfile(),
    "standard": FontProfile(title="方正小标宋简体", body="仿宋", heading2="楷体"),
}
FONT_PRESET_LABELS = {"gb2312": "仿宋_GB2312 / 楷体_GB2312（政府机关常用）", "standard": "仿宋 / 楷体（Windows 自带）"}

#: Fallback order per font: written into the document's font table (w:altName)
#: and used by the settings dialog to pick what a PC actually has.
FONT_FALLBACKS: dict[str, list[str]] = {
    "方正小标宋简体": ["方正小标宋_GBK", "华文中宋", "宋体"],
    "方正小标宋_GBK": ["方正小标宋简体", "华文中宋", "宋体"],
    "仿宋_GB2312": ["仿宋"],
    "楷体_GB2312": ["楷体"],
    "仿宋": ["仿宋_GB2312"],
    "楷体": ["楷体_GB2312"],
}

#: English family names Windows also registers for the Chinese fonts.
FONT_ENGLISH_NAMES = {
    "宋体": "SimSun",
    "黑体": "SimHei",
    "仿宋": "FangSong",
    "楷体": "KaiTi",
    "仿宋_GB2312": "FangSong_GB2312",
    "楷体_GB2312": "KaiTi_GB2312",
    "华文中宋": "STZhongsong",
    "方正小标宋简体": "FZXiaoBiaoSong-B05S",
}


def fallback_chain(name: str) -> list[str]:
    """A font and then what stands in for it, in the order to try (the settings dialog and the page engine)."""
    return [name, *FONT_FALLBACKS.get(name, [])]


def resolve_fonts(profile: FontProfile, available: set[str]) -> FontProfile:
    """Replace each font missing from ``available`` by its first available fallback."""

    def pick(name: str) -> str:
        for candidate in fallback_chain(name):
            if candidate in available or FONT_ENGLISH_NAMES.get(candidate) in available:
                return candidate
        return name

    data = profile.to_dict()
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = pick(value)
    return FontProfile.from_dict(data)
