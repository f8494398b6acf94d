"""A one-line progress bar for long batches, drawn on a terminal and nowhere else."""

from __future__ import annotations

import shutil
import time
from typing import TextIO

_REDRAW_SECONDS = 0.1
_CLEAR_LINE = "\r\x1b[K"


class ProgressBar:
    """Counts finished items and redraws one status line at most ten times a second.

    Create it only when the stream is a terminal: it writes carriage returns and an erase-line
    sequence. :meth:`note` prints a message above the bar without tearing it.
    """

    def __init__(self, total: int, stream: TextIO, *, unit: str = "articles") -> None:
        self.total = total
        self.done = 0
        self.unit = unit
        self._stream = stream
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._visible = False

    def advance(self, count: int = 1) -> None:
        """Count ``count`` more finished items and redraw if it is time to."""
        self.done += count
        now = time.monotonic()
        if now - self._drawn_at >= _REDRAW_SECONDS or self.done >= self.total:
            self._draw(now)

    def note(self, message: str) -> None:
        """Print ``message`` on its own line, then redraw the bar below it."""
        self._erase()
        self._stream.write(message + "\n")
        self._draw(time.monotonic())

    def close(self) -> None:
        """Remove the bar, leaving the terminal line empty."""
        self._erase()
        self._stream.flush()

    def _erase(self) -> None:
        if self._visible:
            self._stream.write(_CLEAR_LINE)
            self._visible = False

    def _draw(self, now: float) -> None:
        self._drawn_at = now
        elapsed = max(now - self._started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        status = (
            f" {self.done}/{self.total} {self.unit}  {rate:,.0f}/s  "
            f"eta {int(left) // 60}:{int(left) % 60:02d}"
        )
        width = shutil.get_terminal_size((80, 24)).columns
        bar_width = max(10, min(40, width - len(status) - 4))
        filled = bar_width * self.done // max(self.total, 1)
        bar = "[" + "#" * filled + "." * (bar_width - filled) + "]"
        self._stream.write(_CLEAR_LINE + (bar + status)[: width - 1])
        self._stream.flush()
        self._visible = True
