"""Locate files under resources/, in a source checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def _base(folder: str, installed_package: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller unpacks data files under sys._MEIPASS
        return Path(frozen) / folder
    checkout = Path(__file__).resolve().parent.parent / folder
    if checkout.is_dir():  # a source checkout or an editable install
        return checkout
    # A wheel install carries the folder as a package (see pyproject.toml).
    return Path(__file__).resolve().parent / installed_package


def resources_root() -> Path:
    return _base("resources", "_resources")


def resource_path(relative: str) -> Path:
    return resources_root() / relative


def ui_path(name: str) -> Path:
    """A Designer .ui file from the top-level ui/ folder."""
    return _base("ui", "_ui") / name
