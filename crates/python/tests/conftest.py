"""Shared fixtures: one tagger over the embedded gazetteer, the repository's paths, the CLI binary."""

import os
import pathlib
import shutil

import pytest

from sahel_tagger import Tagger

CRATE = pathlib.Path(__file__).resolve().parents[1]
ROOT = CRATE.parents[1]


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return Tagger()


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def cli() -> str:
    """The CLI binary (`SAHEL_TAGGER_CLI`, else target/release or target/debug): the suite compares the
    binding's output with it. `make test-python` builds it first; run alone, the suite skips it."""
    candidates = [os.environ.get("SAHEL_TAGGER_CLI", "")]
    candidates += [str(ROOT / "target" / p / "sahel-tagger") for p in ("release", "debug")]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    if shutil.which("sahel-tagger"):
        return shutil.which("sahel-tagger")
    pytest.skip("the sahel-tagger CLI is not built (cargo build --release --workspace --bins)")
