"""Untrusted text made safe to print for people: no character a terminal would act on.

An article (or a file name, or an error from a web server) may hold ESC sequences that retitle
or clear the terminal, a BEL, other C0 and C1 controls, or bidirectional overrides that make a
line read backwards. Whatever is meant for people (reports, error lines, the viewer) shows each
of them as a visible stand-in instead: ``^[`` for ESC, ``^G`` for BEL, ``<U+202E>`` for a
right-to-left override. This is the one home of that rule; JSON needs none of it, since its own
escaping already keeps these characters out of the terminal.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional marks, embeddings, overrides and isolates (a character class body)."""

CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + BIDI_CONTROLS
"""Every character a terminal may act on, but the newline and the tab (a character class body):
C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidi controls."""

_CONTROL = re.compile(f"[{CONTROLS}]")

_JSON_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
"""Controls JSON leaves unescaped: DEL, C1 (NEL among them), line separators, bidi controls."""


def stand_in(char: str) -> str:
    """The printable text shown in place of one unsafe character.

    C0 controls in caret notation (``^[``, ``^G``, as ``cat -v`` writes them), DEL as ``^?``,
    newline and tab as a space, anything else as its code point (``<U+202E>``).
    """
    code = ord(char)
    if char in "\n\t":
        return " "
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def printable(text: str) -> str:
    """``text`` with every control character shown as its stand-in; newlines and tabs kept."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda match: stand_in(match.group()), text)


def one_line(text: str) -> str:
    """``text`` on one line: every run of white space becomes one space (controls are kept;
    pass the result through :func:`printable` for a terminal)."""
    return " ".join(text.split())


def printable_line(text: str) -> str:
    """``text`` on one line with every control character shown as its stand-in."""
    return printable(one_line(text))


def error_line(error: BaseException | str) -> str:
    """An error message on one printable line, for stderr.

    Characters that do not print (from a file name, say) are shown as Python escapes
    (``\\x1b``), so the name can be typed back; an empty message becomes the error's type.
    """
    text = one_line(str(error))
    if not text and isinstance(error, BaseException):
        text = type(error).__name__
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def json_escaped(text: str) -> str:
    """JSON text with the controls JSON leaves raw written as ``\\uXXXX`` escapes.

    The JSON means exactly the same (a parser reads the same strings back), but printed to a
    terminal it cannot drive it, and a line of it stays one line for every reader of lines.
    """
    if _JSON_RAW.search(text) is None:
        return text
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
