"""The fast boundary scan in the sentence splitter finds exactly what finditer() would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.segment import _BOUNDARY, _boundaries

PIECES = [*"ab A.!?…。！？」』”’)）\"']» \n\t.。", "...", ". . ", "U.S. "]
PUNCTUATED = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@given(PUNCTUATED, st.integers(0, 10), st.integers(0, 90))
@settings(max_examples=400, deadline=None)
def test_fast_scan_equals_finditer(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert spans(_boundaries(text, start, end)) == spans(_BOUNDARY.finditer(text, start, end))


def test_fast_scan_on_tricky_text() -> None:
    text = 'He said "No!" Then... it rained. U.S. troops left?! 3.5 m. Done。次は「はい。」ok'
    assert spans(_boundaries(text, 0, len(text))) == spans(_BOUNDARY.finditer(text))
    assert len(spans(_boundaries(text, 0, len(text)))) >= 4
