"""What a fact-checker concluded about a claim."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    """A claim's verdict; ``v`` in the viewer cycles through them in this order."""

    UNCHECKED = "unchecked"
    SUPPORTED = "supported"
    MISLEADING = "misleading"
    FALSE = "false"
    UNPROVEN = "unproven"

    @property
    def checked(self) -> bool:
        """True for every verdict but ``unchecked``."""
        return self is not Verdict.UNCHECKED

    def next(self) -> Verdict:
        """The verdict after this one in the cycle (after ``unproven`` comes ``unchecked``)."""
        order = list(Verdict)
        return order[(order.index(self) + 1) % len(order)]

    @classmethod
    def parse(cls, word: str) -> Verdict:
        """The verdict named by ``word`` (any case); :class:`ValueError` names the choices."""
        try:
            return cls(word.strip().lower())
        except ValueError:
            choices = ", ".join(v.value for v in cls)
            raise ValueError(f"unknown verdict {word!r}; choose one of {choices}") from None
