"""Bytes to text for articles: encodings, binary detection, line endings.

Articles arrive as UTF-8 (with or without a byte order mark), sometimes as
UTF-16 from Windows tools, and often enough as Latin-1 or Windows-1252 from
older sites and spreadsheets. We decode strictly where we can and fall back
to Windows-1252 (a superset of Latin-1's printable characters) rather than
failing, because a researcher cannot easily re-encode a file.
"""

from __future__ import annotations

import codecs
import re

from claims.model import ClaimsError

_SNIFF_BYTES = 8192
# Control characters that never occur in text (tab, newlines, form feed and
# escape are left out on purpose).
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13, 27}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, PDFs, archives)."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls / len(head) > 0.05


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_windows_1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # Five bytes are undefined in Windows-1252; Latin-1 maps every byte, so
        # use it for those rather than dropping characters.
        return "".join(
            chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")
            for byte in data
        )


def decode_bytes(
    data: bytes, label: str, *, declared: str | None = None, html: bool = False
) -> str:
    """Decode an article's bytes: BOM, then the declared charset, then UTF-8,
    then Windows-1252. ClaimsError naming `label` if the bytes look binary."""
    if looks_binary(data):
        raise ClaimsError(f"{label} looks binary, not text; give a text, Markdown or HTML file.")
    candidates = [_bom_encoding(data), _known_codec(declared)]
    if html:
        found = _META_CHARSET.search(data[:_SNIFF_BYTES])
        candidates.append(_known_codec(found.group(1).decode("ascii")) if found else None)
    candidates.append("utf-8")
    for encoding in candidates:
        if not encoding:
            continue
        if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        try:
            return normalise_newlines(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalise_newlines(_decode_windows_1252(data))


def normalise_newlines(text: str) -> str:
    """\\r\\n and \\r become \\n; a stray byte order mark is dropped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
