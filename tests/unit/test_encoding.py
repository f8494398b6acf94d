"""Decoding bytes in the encodings news text is saved in, and refusing what is not text."""

from __future__ import annotations

import codecs

import pytest

from reader.errors import InputError
from reader.loading.encoding import canonical_encoding, decode_bytes, implausibility

ARTICLE = "Le café de la “gare” a fermé. Ça coûte 5 € à Zürich, dit l'élève."
FRENCH = (
    "Le gouvernement a annoncé mercredi une réforme très contestée. « Nous irons jusqu'au "
    "bout », a déclaré la ministre, malgré l'opposition des syndicats qui prévoient une grève."
)
RUSSIAN = (
    "Правительство в среду одобрило спорный законопроект. Критики опасаются, что меры могут "
    "привести к росту цен для потребителей, тогда как бизнес приветствует изменения."
)
CHINESE = "小米公司正在研究一项长期计划，希望进入汽车行业。据当地媒体报道，目标是制造电动汽车。"
JAPANESE = "政府は水曜日、議論の多い法案を承認した。批判者は、この措置が消費者の価格上昇につながる可能性があると懸念している。"  # noqa: E501
POLISH = (
    "Rząd w środę przyjął kontrowersyjną ustawę. Krytycy obawiają się, że przepisy mogą "
    "doprowadzić do wyższych cen dla konsumentów, podczas gdy przedsiębiorcy są zadowoleni."
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE),
        (ARTICLE.encode("utf-16"), ARTICLE),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE),
        (ARTICLE.encode("utf-32"), ARTICLE),
        (ARTICLE.encode("cp1252"), ARTICLE),
        (FRENCH.encode("latin-1"), FRENCH),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (RUSSIAN.encode("koi8-r"), RUSSIAN),
        (CHINESE.encode("gb18030"), CHINESE),
        (CHINESE.encode("big5", errors="ignore"), CHINESE.encode("big5", "ignore").decode("big5")),
        (JAPANESE.encode("shift_jis"), JAPANESE),
        (POLISH.encode("iso-8859-2"), POLISH),
        (POLISH.encode("cp1250"), POLISH),
    ],
)
def test_decodes_common_encodings(data: bytes, expected: str) -> None:
    text, encoding = decode_bytes(data)
    assert text == expected, encoding


@pytest.mark.parametrize(
    "text",
    [
        "Café",  # charset-normalizer alone says cp775: "Cafķ"
        "Crème brûlée at the café, naïve façade.",
        "Ñandú año",
        "5 °C",
        "Müller sagte, dass die Straße gesperrt ist.",
        "Æble og øl på Ærø.",
        "Señor Pérez",
    ],
)
def test_short_latin1_text_is_read_as_western(text: str) -> None:
    decoded, encoding = decode_bytes(text.encode("latin-1"))
    assert decoded == text
    assert encoding in ("cp1252", "iso8859-1")


@pytest.mark.parametrize("text", ["中文", "北京时间今天上午，国家统计局发布数据。"])
def test_short_gb18030_text_is_not_read_as_western(text: str) -> None:
    assert decode_bytes(text.encode("gb18030"))[0] == text


def test_short_japanese_is_read_as_japanese() -> None:
    assert decode_bytes("こんにちは世界".encode("shift_jis"))[0] == "こんにちは世界"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(encoding: str) -> None:
    text, found = decode_bytes(ARTICLE.encode(encoding))
    assert text == ARTICLE and found == encoding


def test_mostly_utf8_with_a_broken_byte_keeps_the_rest() -> None:
    data = FRENCH.encode("utf-8") + b" \xff " + FRENCH.encode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8"
    assert text == f"{FRENCH} \ufffd {FRENCH}"


def test_the_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    data = "Zażółć gęślą jaźń".encode("iso-8859-2")
    assert decode_bytes(data, declared="ISO-8859-2") == ("Zażółć gęślą jaźń", "iso8859-2")


def test_a_declared_latin1_means_windows_1252() -> None:
    data = "“Smart” quotes".encode("cp1252")
    assert decode_bytes(data, declared="iso-8859-1")[0] == "“Smart” quotes"


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    assert decode_bytes("café".encode(), declared="iso-8859-1")[0] == "café"


def test_an_unknown_declaration_is_ignored() -> None:
    assert decode_bytes("café".encode("latin-1"), declared="x-no-such-thing")[0] == "café"


def test_canonical_encoding_names() -> None:
    assert canonical_encoding("Windows-1252") == "cp1252"
    assert canonical_encoding('"UTF-8"') == "utf-8"
    assert canonical_encoding("nonsense") is None
    assert canonical_encoding(None) is None


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"\x89PNG\r\n\x1a\nxxxx", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00", "an executable"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "a Windows executable"),
        (bytes(range(256)) * 4, "binary data"),
        (b"\x00\x01\x02\x03" * 100, "binary data"),
    ],
)
def test_binary_data_is_refused_with_a_clear_message(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        decode_bytes(data, "thing.bin")


def test_a_text_that_starts_like_a_signature_is_still_text() -> None:
    text = "MZ Holdings said on Monday it would buy the company."
    assert decode_bytes(text.encode())[0] == text


def test_a_few_control_characters_do_not_make_text_binary() -> None:
    text, _ = decode_bytes(b"An article with a NUL\x00 and an escape \x1b[31m inside it.")
    assert "\x00" in text and "\x1b" in text


def test_nul_bytes_in_a_latin1_text_are_kept() -> None:
    data = FRENCH.encode("latin-1") + b"\x00" + FRENCH.encode("latin-1")
    text, _ = decode_bytes(data)
    assert text == f"{FRENCH}\x00{FRENCH}"


def test_mojibake_is_less_plausible_than_the_right_reading() -> None:
    right = "Müller sagte, dass die Straße gesperrt ist."
    assert implausibility(right) == 0
    assert implausibility(right.encode("latin-1").decode("cp775")) > 0
    assert implausibility(RUSSIAN.encode("cp1251").decode("cp1252")) > 0
    assert implausibility("Cafщ") > 0


def test_a_single_5_mb_line_decodes_whole() -> None:
    line = ("Une très longue ligne sans retour, " * 150_000).encode("latin-1")
    assert len(line) > 5_000_000
    text, encoding = decode_bytes(line)
    assert len(text) == len(line) and encoding == "cp1252"
