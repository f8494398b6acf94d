"""Turn the bytes of a file or a web response into text, whatever encoding they were saved in.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. UTF-16 without a mark, recognised by its zero bytes in every other position;
3. valid UTF-8 (unambiguous: other encodings almost never produce it by accident);
4. the encoding the source declared (an HTTP ``charset`` or an HTML ``<meta charset>``);
5. a guess: charset-normalizer's candidates, plus Windows-1252, judged by how plausible the
   decoded text is. Short texts are where detectors go wrong ("Café" saved as Latin-1 can come
   back as cp775 "Cafķ", "Ñandú" as Urdu cp1006), so candidates whose words mix alphabets,
   carry symbols inside words or change case mid-word lose first; among the remaining ones the
   encodings news is commonly saved in (Windows-1252 and Latin-1 first) win over rare code pages.

A file that is UTF-8 except for a few broken bytes is read as UTF-8 with those bytes replaced,
rather than as a whole page of mojibake. Control characters, NUL included, are kept: the viewer
shows them visibly. Data that is mostly control characters, or that starts like a known binary
format (PDF, images, archives...), is refused with a message that says what it looks like.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from reader.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings news text is commonly saved in, most likely first. Everything else ranks after.
_PREFERRED = (
    "utf-8",
    "cp1252",
    "iso8859-1",
    "iso8859-15",
    "gb18030",
    "gbk",
    "big5",
    "cp932",
    "shift_jis",
    "euc_jp",
    "cp949",
    "euc_kr",
    "cp1251",
    "koi8-r",
    "cp1250",
    "iso8859-2",
    "cp1253",
    "iso8859-7",
    "cp1254",
    "iso8859-9",
    "cp1256",
    "cp1255",
    "cp1257",
    "cp874",
)
# Preferred among near-equal candidates: what Western news is saved in when it is not UTF-8.
_WESTERN = ("cp1252", "iso8859-1", "iso8859-15")
# Labels that, by the web's rules, mean Windows-1252 (a superset of Latin-1 and ASCII).
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii", "cp1252"})
_CLOSE_CHAOS = 0.1
_CLOSE_PENALTY = 0.02
_SAMPLE_CHARS = 20_000
_SAMPLE_BYTES = 65_536
_MIN_CHAOS_BYTES = 100
_MIN_UTF8_SHARE = 0.9
_MIN_UTF8_SEQUENCES = 3
_BINARY_CONTROL_SHARE = 0.10
_BINARY_CONTROL_MIN = 8
_BINARY_CONTROL_MAJORITY = 0.5
# Signatures of common binary formats, with the name to show in the error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a media file"),
    (b"OggS", "a media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1a\x45\xdf\xa3", "a media file"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")
# Signatures short and printable enough to start an ordinary text as well.
_WEAK_MAGIC = frozenset({b"MZ", b"ID3", b"BZh", b"RIFF", b"OggS"})
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}


def binary_kind(data: bytes) -> str | None:
    """A description of ``data`` when it starts like a known binary format, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if magic in _WEAK_MAGIC and b"\x00" not in data[:512]:
                continue  # these letters may also start a text; the binary has zero bytes too
            return name
    if data[4:8] == b"ftyp":
        return "a media file"
    return None


def canonical_encoding(label: str | None) -> str | None:
    """Python's name for an encoding label (``"Windows-1252"`` → ``"cp1252"``), or None."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, name: str = "input", declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)`` or raise :class:`InputError`.

    ``declared`` is the encoding the source named (an HTTP charset, an HTML meta tag), used when
    the bytes are not UTF-8. ``name`` is how errors refer to the input.
    """
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name} is {kind}, not an article")
    text, encoding = _decode(data, name, canonical_encoding(declared))
    if _looks_binary(text):
        raise InputError(f"{name} looks like binary data, not text")
    return text, encoding


def _looks_binary(text: str) -> bool:
    """True when too much of the text is control characters to be an article.

    A handful of stray controls (a NUL, an escape sequence) is text with damage in it, and is
    shown; it takes a real share of them, or a majority, to be binary data.
    """
    sample = text[:65536]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    share = controls / len(sample)
    return share > _BINARY_CONTROL_MAJORITY or (
        share > _BINARY_CONTROL_SHARE and controls >= _BINARY_CONTROL_MIN
    )


def _decode(data: bytes, name: str, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if declared and declared.startswith(("utf-16", "utf-32")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        decoded = _decode_declared(data, declared)
        if decoded is not None:
            return decoded
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8"
    return _guess(data, name)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: zero bytes on one side of most pairs."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if odd_zeros >= 0.3 * pairs and even_zeros <= 0.05 * pairs:
        encoding = "utf-16-le"
    elif even_zeros >= 0.3 * pairs and odd_zeros <= 0.05 * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if not _looks_binary(text) else None


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    """Decode with the declared encoding when the bytes fit it."""
    candidates = ["cp1252", "iso8859-1"] if declared in _WINDOWS_1252_ALIASES else [declared]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_binary(text):
            return text, encoding
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes replaced, when nearly every multi-byte sequence is valid."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - text.count("\ufffd")
    if valid >= _MIN_UTF8_SEQUENCES and valid >= _MIN_UTF8_SHARE * (valid + broken):
        return text
    return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One way of decoding the bytes, with the evidence for and against it."""

    encoding: str
    text: str
    chaos: float
    coherence: float
    penalty: float

    @property
    def rank(self) -> int:
        """Position among the commonly used encodings (lower is more common)."""
        try:
            return _PREFERRED.index(self.encoding)
        except ValueError:
            return len(_PREFERRED)


def _guess(data: bytes, name: str) -> tuple[str, str]:
    """The most plausible decoding among charset-normalizer's candidates and Windows-1252."""
    from charset_normalizer import from_bytes

    head = data[:_SAMPLE_BYTES]
    candidates: dict[str, _Candidate] = {}
    judged: dict[str, tuple[float, float]] = {}
    for match in from_bytes(data):
        for label in (match.encoding, *match.could_be_from_charset):
            encoding = canonical_encoding(label)
            if encoding is not None and encoding not in candidates:
                candidate = _candidate(head, encoding, match.chaos, match.coherence, judged)
                if candidate is not None:
                    candidates[encoding] = candidate
    for encoding in _PREFERRED:
        if encoding not in candidates:
            candidate = _candidate(head, encoding, None, 0.0, judged)
            if candidate is not None:
                candidates[encoding] = candidate
    binary = {text: _looks_binary(text) for text in judged}
    usable = [c for c in candidates.values() if not binary[c.text]]
    if not usable:
        if candidates:
            raise InputError(f"{name} looks like binary data, not text")
        raise InputError(f"cannot tell the character encoding of {name}")
    for best in sorted(usable, key=_preference(usable, trust_chaos=len(head) >= _MIN_CHAOS_BYTES)):
        try:
            return data.decode(best.encoding), best.encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"cannot tell the character encoding of {name}")


def _candidate(
    head: bytes,
    encoding: str,
    chaos: float | None,
    coherence: float,
    judged: dict[str, tuple[float, float]],
) -> _Candidate | None:
    """Decode the start of the data (a cut sequence at its end is fine) and judge the result.

    ``chaos`` is charset-normalizer's measure of how messy the decoded text is; when the
    candidate did not come from it, the same measure is taken here. ``judged`` remembers the
    verdicts on texts already seen (many code pages decode the same bytes identically).
    """
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except (UnicodeDecodeError, LookupError):
        return None
    if text not in judged:
        from charset_normalizer.md import mess_ratio

        judged[text] = (
            mess_ratio(text[:_SAMPLE_CHARS], maximum_threshold=1.0),
            implausibility(text),
        )
    measured_chaos, penalty = judged[text]
    return _Candidate(
        encoding, text, measured_chaos if chaos is None else chaos, coherence, penalty
    )


def _preference(
    candidates: list[_Candidate], *, trust_chaos: bool
) -> Callable[[_Candidate], tuple[bool, bool, int, float, float, int]]:
    """Sort key: plausible text first, then low chaos, then Western, then common encodings.

    On a few dozen bytes the chaos measure is noise ("5 °C" scores worse than "5 癈"), so
    there it only breaks ties.
    """
    least_penalty = min(c.penalty for c in candidates)
    least_chaos = min(c.chaos for c in candidates if c.penalty <= least_penalty + _CLOSE_PENALTY)

    def key(c: _Candidate) -> tuple[bool, bool, int, float, float, int]:
        return (
            c.penalty > least_penalty + _CLOSE_PENALTY,
            trust_chaos and c.chaos > least_chaos + _CLOSE_CHAOS,
            0 if c.encoding in _WESTERN else 1 if c.encoding in _PREFERRED else 2,
            c.chaos,
            -c.coherence,
            c.rank,
        )

    return key


def implausibility(text: str) -> float:
    """How much ``text`` looks like a wrong decoding: 0 for clean prose, higher for mojibake.

    The share of words that carry a mark of the wrong code page: letters of two alphabets in
    one word ("Cafщ", "ัand"), a symbol or a foreign digit squeezed inside a word ("M³ller"),
    a capital right after a small letter outside ASCII ("пРИВЕТ"), a word of three or more
    accented Latin letters and no plain ones (Chinese or Cyrillic bytes read as Windows-1252:
    "ÖÐÎÄ"), and control characters.
    """
    sample = text[:_SAMPLE_CHARS]
    words = len(_LETTER_RUN.findall(sample))
    bad = len(_CONTROL.findall(sample))
    # Only the whitespace-separated tokens holding a non-ASCII character can carry the marks.
    for token, count in Counter(_NON_ASCII_TOKEN.findall(sample)).items():
        bad += count * _token_badness(token)
    return bad / max(words, 1)


def _token_badness(token: str) -> int:
    """The number of mojibake marks in one whitespace-separated token."""
    bad = _symbols_inside_words(token)
    for start, end in _word_spans(token):
        word = token[start:end]
        if not word.isascii() and _is_mojibake_word(word):
            bad += 1
    return bad


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Runs of letters and combining marks."""
    spans: list[tuple[int, int]] = []
    start = -1
    for i, ch in enumerate(text):
        if ch.isalpha() or (not ch.isascii() and unicodedata.category(ch)[0] == "M"):
            if start < 0:
                start = i
        elif start >= 0:
            spans.append((start, i))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def _is_mojibake_word(word: str) -> bool:
    scripts = {_script(ch) for ch in word} - {"COMBINING"}
    if len(scripts) > 1:
        return True
    if any(a.islower() and b.isupper() for a, b in pairwise(word)):
        return True
    return scripts == {"LATIN"} and len(word) >= 3 and not any(ch.isascii() for ch in word)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    first = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
    return _SCRIPT_GROUPS.get(first, first)


# Marks that may sit inside a word: apostrophes, hyphens, the Catalan middle dot.
_INSIDE_WORD_OK = frozenset("’‐·")
# Non-letters that often touch a letter in real prose: quotes, dashes, currency, degrees...
_TOUCHING_OK = frozenset("'’‘“”„‚«»‹›–—‐-…·•€£¥¢°%§©®™¿¡\u00a0\u200b\u200c\u200d")
# Icelandic letters that Turkish text saved as cp1254 or ISO 8859-9 turns into under cp1252.
_TURKISH_AS_WESTERN = frozenset("ðþÐÞ")


def _symbols_inside_words(text: str) -> int:
    """Symbols, Latin-1 signs or foreign digits stuck to a letter ("M³ller", "¶rodê", "Stra▀e")."""
    count = 0
    for i, ch in enumerate(text):
        if ch.isascii() or ch.isspace() or ch in _INSIDE_WORD_OK:
            continue
        if ch in _TOUCHING_OK:
            # A quote or a dash may touch a word, but not sit inside one ("Pøílią ľlu»oučký").
            count += 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
            continue
        if ch in _TURKISH_AS_WESTERN:
            count += 1
            continue
        category = unicodedata.category(ch)
        suspicious = (
            category[0] in "SN" or "\u00a0" <= ch <= "\u00bf" or ch in "×÷"
        ) and not ch.isalpha()
        if not suspicious:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() or after.isalpha():
            count += 1
    return count
