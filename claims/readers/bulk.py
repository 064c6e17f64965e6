"""The many articles of a bulk ingest: folders, .jsonl and .csv files, URLs and Articles.

`expand_inputs` lists them in order; each is read (or fetched) only when its
turn comes, and one that cannot be read fails alone.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claims.fetch import AllowPrivate
from claims.model import ClaimsError
from claims.readers.article import (
    METADATA_FIELDS,
    Article,
    clean_value,
    make_article,
    with_overrides,
)
from claims.readers.files import read_article_file, read_file_bytes
from claims.readers.html import article_from_html
from claims.readers.urls import fetch_article, is_url
from claims.textio import decode_bytes, looks_binary, normalise_newlines

MAX_BULK_FILE_BYTES = 512 * 1024 * 1024  # a .jsonl or .csv of many articles


def article_from_record(record: dict, label: str) -> Article:
    """One article from a .jsonl object or .csv row: text or html, plus any of
    title, url, publisher, author, published (other keys are ignored)."""
    if not isinstance(record, dict):
        raise ClaimsError(f"{label}: expected an object with 'text' or 'html'.")
    fields_ = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text, html = fields_.get("text"), fields_.get("html")
    metadata = {name: fields_.get(name) for name in METADATA_FIELDS if fields_.get(name)}
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise ClaimsError(f"{label}: '{name}' must be a string.")
    if text and text.strip():
        return make_article(text, label=label, **metadata)
    if html and html.strip():
        article = article_from_html(html, url=clean_value(metadata.get("url")), label=label)
        return with_overrides(article, metadata)
    raise ClaimsError(f"{label}: no article text (the 'text' and 'html' fields are empty).")


@dataclass
class _Item:
    """One article of a bulk ingest, read only when its turn comes; `remote` when
    reading it means fetching a URL (slow: nothing waits on the database meanwhile)."""

    label: str
    load: Callable[[], Article]
    remote: bool = False


def _failing_item(label: str, reason: str) -> _Item:
    def load() -> Article:
        raise ClaimsError(reason)

    return _Item(label, load)


_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)


def _jsonl_items(path: Path) -> Iterator[_Item]:
    data = read_file_bytes(path, MAX_BULK_FILE_BYTES)
    lines: list[str] | list[bytes]
    if looks_binary(data) or data.startswith(_WIDE_BOMS):
        lines = decode_bytes(data, str(path)).split("\n")  # refused, or UTF-16/32
    else:
        try:
            lines = normalise_newlines(data.decode("utf-8-sig")).split("\n")
        except UnicodeDecodeError:
            # Not UTF-8 throughout: decode each line on its own, so that one line in
            # another encoding does not turn every other line's accents into mojibake.
            lines = data.split(b"\n")
    # enumerate's type given: mypy would join list[str] and list[bytes] to Sequence[object]
    for number, line in enumerate[str | bytes](lines, start=1):
        if line.strip():
            yield _Item(f"{path} line {number}", _jsonl_loader(line, f"{path} line {number}"))


def _jsonl_loader(line: str | bytes, label: str) -> Callable[[], Article]:
    def load() -> Article:
        try:
            record = json.loads(decode_bytes(line, label) if isinstance(line, bytes) else line)
        except json.JSONDecodeError as exc:
            raise ClaimsError(f"{label} is not valid JSON ({exc.msg}).") from None
        return article_from_record(record, label)

    return load


def _csv_items(path: Path) -> Iterator[_Item]:
    text = decode_bytes(read_file_bytes(path, MAX_BULK_FILE_BYTES), str(path))
    # Article texts are far longer than csv's default field limit (128 KB). The file is
    # in memory already, so read any field whole: one too large for an article is then
    # refused by its size on its own line, and the rows after it are still read.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BULK_FILE_BYTES))
    lines = _TrackedLines(text)
    reader = csv.DictReader(lines, restval=None)
    try:
        columns = [(name or "").strip().lower() for name in reader.fieldnames or []]
    except csv.Error as exc:
        raise ClaimsError(f"{path} is not a readable CSV file ({exc}).") from None
    if "text" not in columns and "html" not in columns:
        shown = ", ".join(c for c in columns if c) or "none"
        raise ClaimsError(f"{path} has neither a 'text' nor an 'html' column (columns: {shown}).")
    start_line = reader.line_num + 1
    while True:
        label = f"{path} line {start_line}"
        lines.taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _failing_item(
                label,
                f"{label} is not a readable CSV row ({exc}); the rows after it were not read.",
            )
            return
        start_line = reader.line_num + 1
        if lines.ran_out and lines.spans_lines() and lines.quotes_taken() % 2:
            # The csv module quietly ends an unclosed quoted field at the end of the
            # file, which would make every row after it part of this article's text.
            yield _failing_item(
                label,
                f'{label} opens a quoted field that is never closed (an unmatched " '
                "runs to the end of the file).",
            )
            return
        if any((value or "").strip() for key, value in row.items() if isinstance(value, str)):
            yield _Item(label, functools.partial(article_from_record, row, label))


class _TrackedLines:
    """The lines of a text for csv.reader, remembering those taken for the current row."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.taken: list[str] = []
        self.ran_out = False

    def __iter__(self) -> _TrackedLines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
        except StopIteration:
            self.ran_out = True
            raise
        self.taken.append(line)
        return line

    def quotes_taken(self) -> int:
        return sum(line.count('"') for line in self.taken)

    def spans_lines(self) -> bool:
        """True when the current row took more than one line that is not blank."""
        return sum(1 for line in self.taken if line.strip()) > 1


def _folder_items(folder: Path) -> Iterator[_Item]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue  # hidden files and folders (.DS_Store, .git) are not articles
        yield from _path_items(path)


def _path_items(path: Path) -> Iterator[_Item]:
    suffix = path.suffix.lower()
    label = str(path)
    if not path.exists():
        yield _failing_item(label, f"No file or folder at {path}.")
        return
    try:
        if path.is_dir():
            yield from _folder_items(path)
        elif suffix == ".jsonl":
            yield from _jsonl_items(path)
        elif suffix == ".csv":
            yield from _csv_items(path)
        else:
            yield _Item(label, lambda: read_article_file(path))
    except ClaimsError as exc:
        yield _failing_item(label, str(exc))


def _given(article: Article) -> Callable[[], Article]:
    """The loader of an article already read."""
    return lambda: article


def expand_inputs(
    inputs: Iterable[str | os.PathLike | Article], *, allow_private: AllowPrivate = False
) -> list[_Item]:
    """Every article the inputs name, in order: paths, folders, bulk files, URLs,
    Articles. A file that cannot even be listed becomes one failing item."""
    items: list[_Item] = []
    for entry in inputs:
        if isinstance(entry, Article):
            items.append(_Item(entry.label or entry.title or "article", _given(entry)))
        elif isinstance(entry, str) and is_url(entry):
            url = entry.strip()
            items.append(
                _Item(
                    url,
                    functools.partial(fetch_article, url, allow_private=allow_private),
                    remote=True,
                )
            )
        else:
            items.extend(_path_items(Path(entry)))
    return items
