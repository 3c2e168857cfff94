"""Shared fixtures and Hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

settings.register_profile("dev", max_examples=50, deadline=None)
# CI is derandomized so that a landing cannot fail on a case no earlier run tried;
# local runs (the "dev" profile) keep exploring new cases.
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests too")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder beside the repository; skips when it is absent (e.g. from an sdist)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository (running from an sdist?)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    """The seed article ``labour-2017-unite.txt``."""
    return (shared / "corpus" / "labour-2017-unite.txt").read_text(encoding="utf-8")
