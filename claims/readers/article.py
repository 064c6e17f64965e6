"""An article as read from any input, before anything is stored: its text and metadata.

Whatever form an article came in, its text is prepared the same way (one newline
convention, no BOM, trimmed) and checked against the same limits; claim offsets
refer to the prepared text (`prepare_text`), so a preview and an ingest agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from claims.model import ClaimsError, normalise_published

MAX_TEXT_BYTES = 5 * 1024 * 1024  # an article's text, UTF-8 encoded
MAX_FILE_BYTES = 25 * 1024 * 1024  # a file read as one article (HTML carries markup)
TITLE_FROM_TEXT_MAX = 150
METADATA_FIELDS = ("title", "publisher", "author", "url", "published", "retrieved")


@dataclass
class Article:
    """An article's text and metadata, read from some input; nothing stored yet."""

    text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    retrieved: str | None = None
    label: str = ""  # where it came from, for messages ("notes.txt", "x.jsonl line 3")

    def metadata(self) -> dict[str, str | None]:
        """The source-row fields other than text."""
        return {name: getattr(self, name) for name in METADATA_FIELDS}


def prepare_text(text: str) -> str:
    """The text as it will be stored: one newline convention, no BOM, trimmed.

    Claim offsets refer to this text, so preview and ingest both use it.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").strip()


def check_text(text: str, label: str = "The article") -> None:
    """ClaimsError when the text is empty or larger than MAX_TEXT_BYTES."""
    if not text or not text.strip():
        raise ClaimsError(f"{label} is empty: there is no text to store.")
    size = len(encode_utf8(text, label))
    if size > MAX_TEXT_BYTES:
        raise ClaimsError(
            f"{label} is too large: {size / 1_048_576:.1f} MB of text; the limit is "
            f"{MAX_TEXT_BYTES / 1_048_576:g} MB (MAX_TEXT_BYTES)."
        )


def encode_utf8(text: str, label: str) -> bytes:
    """The text as UTF-8, or ClaimsError when it holds a lone surrogate (from a JSON
    escape such as "\\ud800"), which no database or file can store."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ClaimsError(
            f"{label} is not valid Unicode text: it holds a lone surrogate "
            f"(U+{ord(text[exc.start]):04X}) at character {exc.start + 1}."
        ) from None


def title_from_text(text: str) -> str | None:
    """The first line of the text when it is short enough to be a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= TITLE_FROM_TEXT_MAX else None
    return None


def make_article(text: str, *, label: str = "The article", **metadata: object) -> Article:
    """An Article from raw text and metadata: text prepared and checked, date normalised."""
    _check_fields(metadata)
    text = prepare_text(text)
    check_text(text, label)
    cleaned = {name: clean_value(value) for name, value in metadata.items()}
    cleaned["published"] = normalise_published(cleaned.get("published"))
    if not cleaned.get("title"):
        cleaned["title"] = title_from_text(text)
    return Article(text=text, label=label, **cleaned)


def clean_value(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def with_overrides(article: Article, overrides: Mapping[str, object]) -> Article:
    """The article with metadata a person gave explicitly taking precedence."""
    # Any: mypy checks each value against every field of Article (text: str too), but
    # _check_fields admits only the metadata fields, each str | None.
    given: dict[str, Any] = {name: clean_value(value) for name, value in overrides.items() if value}
    _check_fields(given)
    if "published" in given:
        given["published"] = normalise_published(given["published"])
    return replace(article, **given)


def _check_fields(metadata: dict) -> None:
    unknown = set(metadata) - set(METADATA_FIELDS)
    if unknown:
        raise ClaimsError(f"Unknown article field(s): {', '.join(sorted(unknown))}.")


def lenient_date(raw: str | None) -> str | None:
    # A page's own date metadata is a hint; a malformed one is dropped, not fatal.
    try:
        return normalise_published(raw)
    except ClaimsError:
        return None
