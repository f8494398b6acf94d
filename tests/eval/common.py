"""Shared helpers for the evaluation scripts: data locations and precision/recall/F scores."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
SHARED = Path(os.environ.get("READER_SHARED", REPO_ROOT.parent / "shared"))
DATA = SHARED / "data"


def data_path(*parts: str) -> Path:
    """A path under ``../shared/data``; exits with a clear message when it is absent."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        print(f"skipped: {path} is absent (the shared evaluation data is not beside the repo)")
        raise SystemExit(0)
    return path


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives, with derived scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        """Count one binary decision."""
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1

    @property
    def precision(self) -> float:
        """tp / (tp + fp), or 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), or 0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f(self, beta: float = 1.0) -> float:
        """The F-beta score."""
        p, r = self.precision, self.recall
        b2 = beta * beta
        return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        """One printable line: label, P, R, F1, F0.5 and the counts."""
        return (
            f"{label:<40} P={self.precision:.3f} R={self.recall:.3f} "
            f"F1={self.f():.3f} F0.5={self.f(0.5):.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )
