"""Shared fixtures: paths to the repository, its assets and the evaluation data beside it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Bounded runs in the normal suite; HYPOTHESIS_PROFILE=fuzz for a long hunt.
settings.register_profile(
    "default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO_ROOT = Path(__file__).resolve().parent.parent
ASSETS = REPO_ROOT / "assets"
SAMPLE_ARTICLE = ASSETS / "sample-article.txt"
SHARED = Path(os.environ.get("READER_SHARED", REPO_ROOT.parent / "shared"))
SEED_ARTICLE = SHARED / "seed" / "seed-article.txt"
SHARED_DATA = SHARED / "data"


def run_reader(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m reader ARGS`` as a user would (no debug tracebacks), output as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, "READER_DEBUG": ""},
        cwd=cwd,
        timeout=120,
        check=False,
    )


ReaderCall = Callable[..., "subprocess.CompletedProcess[bytes]"]


@pytest.fixture
def reader_main(
    capsysbinary: pytest.CaptureFixture[bytes],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ReaderCall]:
    """Call ``reader.cli.main(argv)`` in this process, as :func:`run_reader` runs the command.

    The result has the same shape (exit code, stdout and stderr as bytes). The user's config
    directory is an empty one, and the process's default analyzer is restored afterwards.
    """
    from reader import pipeline
    from reader.cli import main

    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("READER_DEBUG", raising=False)
    saved = pipeline.default_analyzer()

    def call(*args: str, stdin: bytes | None = b"") -> subprocess.CompletedProcess[bytes]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin or b"")))
        capsysbinary.readouterr()
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's usage errors, --help, --version
            code = stop.code if isinstance(stop.code, int) else 1
        out, err = capsysbinary.readouterr()
        return subprocess.CompletedProcess(["reader", *args], code, out, err)

    yield call
    pipeline.use_analyzer(saved)


def require(path: Path) -> Path:
    """Skip the calling test, with the reason, when the shared data is not beside the repository.

    Where it is there, a missing file is a failure, not a reason to skip.
    """
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared evaluation data is not beside the repository")
    if not path.exists():
        pytest.fail(f"{path} is missing, though {SHARED} is there")
    return path


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test keeps verdicts in a data directory of its own, never the user's."""
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def seed_text() -> str:
    """The seed article: eight paragraphs, six of them repeated, one paragraph per line."""
    return require(SEED_ARTICLE).read_text(encoding="utf-8")


@pytest.fixture
def sample_text() -> str:
    """The bundled sample article."""
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")
