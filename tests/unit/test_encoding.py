"""Decoding bytes in the encodings news text is saved in."""

from __future__ import annotations

import codecs

import pytest

from reader.encoding import decode_bytes
from reader.errors import InputError

ARTICLE = "Le café de la “gare” a fermé. Ça coûte 5 € à Zürich, dit l'élève."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE),
        (ARTICLE.encode("utf-16"), ARTICLE),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE),
        (ARTICLE.encode("cp1252"), ARTICLE),
        ("Café".encode("latin-1"), "Café"),
        (
            "Crème brûlée at the café, naïve façade.".encode("latin-1"),
            "Crème brûlée at the café, naïve façade.",
        ),
    ],
)
def test_decodes_common_encodings(data: bytes, expected: str) -> None:
    text, _ = decode_bytes(data)
    assert text == expected


def test_decodes_gb18030_chinese() -> None:
    chinese = (
        "小米公司正在研究一项长期计划，希望进入汽车行业。据当地媒体报道，目标是制造电动汽车。" * 3
    )
    text, encoding = decode_bytes(chinese.encode("gb18030"))
    assert text == chinese, encoding


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\nxxxx", bytes(range(256)) * 4, b"\x00\x01\x02\x03" * 100],
)
def test_binary_data_is_refused_with_a_clear_message(data: bytes) -> None:
    with pytest.raises(InputError, match=r"not|binary"):
        decode_bytes(data, "thing.bin")


def test_a_few_control_characters_do_not_make_text_binary() -> None:
    text, _ = decode_bytes(b"An article with a NUL\x00 and an escape \x1b[31m inside it.")
    assert "\x00" in text and "\x1b" in text
