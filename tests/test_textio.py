"""claims.textio: decoding article bytes."""

from __future__ import annotations

import codecs

import pytest

from claims.model import ClaimsError
from claims.textio import decode_bytes, looks_binary


@pytest.mark.parametrize(
    "data, expected",
    [
        (codecs.BOM_UTF8 + "Caf\u00e9\r\nbar".encode(), "Caf\u00e9\nbar"),
        ("Caf\u00e9\rbar".encode(), "Caf\u00e9\nbar"),
        ("\u201cQuote\u201d \u20ac5".encode("cp1252"), "\u201cQuote\u201d \u20ac5"),
        ("Se\u00f1or".encode("latin-1"), "Se\u00f1or"),
        ("h\u00e9".encode("utf-16"), "h\u00e9"),
        (b"a\x81b", "a\x81b"),  # undefined in Windows-1252: kept as its Latin-1 character
    ],
)
def test_decode_bytes(data, expected):
    assert decode_bytes(data, "x") == expected


def test_a_declared_charset_is_used_before_guessing():
    data = "\u0416".encode("koi8-r")  # one byte that is also valid Windows-1252
    assert decode_bytes(data, "x", declared="koi8-r") == "\u0416"
    assert decode_bytes(data, "x", declared="no-such-charset") == data.decode("cp1252")


def test_an_html_meta_charset_is_honoured():
    data = '<meta charset="iso-8859-7"><p>\u03b1</p>'.encode("iso-8859-7")
    assert decode_bytes(data, "x", html=True).endswith("<p>\u03b1</p>")


def test_binary_bytes_are_refused_with_their_label():
    with pytest.raises(ClaimsError, match="^scan.txt looks binary, not text"):
        decode_bytes(b"%PDF\x00\x01\x02", "scan.txt")


def test_looks_binary():
    assert looks_binary(b"\x00abc")
    assert looks_binary(bytes(range(1, 32)) * 10)
    assert not looks_binary(b"plain text\twith tabs\nand lines\x0c")
    assert not looks_binary("text".encode("utf-16"))
    assert not looks_binary(b"")
