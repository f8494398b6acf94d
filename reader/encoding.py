"""Turn the bytes of a file into text: byte-order marks, UTF-8, then charset-normalizer.

UTF-8 is tried first because it is both the common case and unambiguous; charset-normalizer is
imported only for the rest. Among candidates it finds about equally plausible, the Western
encodings people actually save news in (cp1252, Latin-1) win over rare code pages that happen
to decode the same bytes (a short Latin-1 "Café" can otherwise come back as cp775 "Cafķ").
"""

from __future__ import annotations

import codecs

from reader.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Preferred among near-equal candidates, best first.
_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15", "gb18030", "utf_16", "big5", "shift_jis")
_CLOSE_CHAOS = 0.1
# Signatures of common binary formats, with the name to show in the error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a media file"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_CONTROL_LIMIT = 0.05


def binary_kind(data: bytes) -> str | None:
    """A description of ``data`` when it starts like a known binary format, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "a media file"
    return None


def _looks_binary(text: str) -> bool:
    """True when too much of the decoded text is control characters to be an article."""
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    return controls / len(sample) > _CONTROL_LIMIT


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode ``data`` to text; return ``(text, encoding)`` or raise :class:`InputError`."""
    kind = binary_kind(data)
    if kind:
        raise InputError(f"{name} is {kind}, not an article")
    text, encoding = _decode(data, name)
    if _looks_binary(text):
        raise InputError(f"{name} looks like binary data, not text")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        if _looks_binary(data[:65536].decode("latin-1")):
            raise InputError(f"{name} looks like binary data, not text")
        raise InputError(f"cannot tell the character encoding of {name}")
    best = min(matches, key=lambda m: m.chaos)
    close = [m for m in matches if m.chaos <= best.chaos + _CLOSE_CHAOS]
    for preferred in _PREFERRED:
        for match in close:
            if preferred in (match.encoding, *match.could_be_from_charset):
                try:
                    return data.decode(preferred), preferred
                except (UnicodeDecodeError, LookupError):
                    continue
    return str(best), best.encoding
