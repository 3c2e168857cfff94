"""Fuzz suite setup: ``--slow`` raises the case counts and lets Hypothesis pick random seeds."""

from __future__ import annotations

import pytest

from tests.fuzz import harness


def pytest_configure(config: pytest.Config) -> None:
    """Tell the harness whether this is a ``--slow`` run before the test modules are imported."""
    harness.SLOW = bool(config.getoption("--slow", default=False))
