"""Shared fixtures: the bundled seed articles and the team's shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "rawa"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "dev"

# Boilerplate of the seed pages that must never reach a brief.
SEED_BOILERPLATE = ("Defense\n", "In Other News", "Load More", "Shawn Snow is the senior reporter")


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture
def seed_texts(seed_paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in seed_paths]


def dev_file(name: str) -> Path:
    """A file of ../shared/data/dev, or skip the test when the folder is absent."""
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared data folder is optional)")
    return path
