"""One article from a file: .txt, .md, .html or .htm, read within the size limit."""

from __future__ import annotations

import os
import re
from pathlib import Path

from claims.fetch import format_size
from claims.model import ClaimsError
from claims.readers.article import MAX_FILE_BYTES, Article, make_article
from claims.readers.html import article_from_html
from claims.readers.markdown import article_from_markdown
from claims.textio import decode_bytes

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
BULK_SUFFIXES = (".jsonl", ".csv")


def read_file_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise ClaimsError(
                f"{path} is too large: {format_size(size)}; the limit is {format_size(limit)}."
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ClaimsError(f"No file at {path}.") from None
    except IsADirectoryError:
        raise ClaimsError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise ClaimsError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def safe_file_name(name: str) -> str:
    """A harmless file name for an upload: no folders, no odd characters, its suffix kept.

    The suffix decides how the file is read (.html, .jsonl, ...), so it survives;
    the rest is reduced to letters, digits, "_", "." and "-".
    """
    base = Path(name.replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,10}", suffix):
        suffix = ""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", base[: len(base) - len(suffix)]).strip("._")
    return f"{stem[:80] or 'upload'}{suffix}"


def read_article_file(path: str | os.PathLike) -> Article:
    """One article from a .txt, .md, .html or .htm file (UTF-8 with or without BOM,
    UTF-16 with BOM, or Latin-1/Windows-1252)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ClaimsError(
            f"{path} is not a supported article file; use {', '.join(ARTICLE_SUFFIXES)} "
            f"(or {', '.join(BULK_SUFFIXES)} or a folder for many articles)."
        )
    label = str(path)
    data = read_file_bytes(path, MAX_FILE_BYTES)
    if suffix in (".html", ".htm"):
        return article_from_html(decode_bytes(data, label, html=True), label=label)
    text = decode_bytes(data, label)
    if suffix == ".md":
        return article_from_markdown(text, label=label)
    return make_article(text, label=label)
