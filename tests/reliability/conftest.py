"""Fixtures of the reliability tests."""

from __future__ import annotations

import pytest
from support import Clock


@pytest.fixture
def clock(store) -> Clock:
    """The store's clock, moved on by the test."""
    c = Clock()
    store.clock = c
    return c
