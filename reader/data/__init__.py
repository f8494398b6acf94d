"""The reader's data files: cue lexicons, name lists and learned weights.

They are data, not code: TOML and TSV files beside this module, read by the stages that use
them. :func:`data_path` is the one place that knows where they live.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
"""The folder that holds the built-in lexicons and weights."""


def data_path(name: str) -> Path:
    """The path of the built-in data file ``name`` (for example ``"speculation.toml"``)."""
    return DATA_DIR / name
