"""How an exported Excel sheet reads: a header that stays in view, filters, column widths.

openpyxl's write-only sheets (which keep a large export's memory flat) write the
frozen pane and column widths before the first row, and the autofilter after
the last: a LaidOutSheet sets the first two when it is made and the third,
over the rows it counted, when it is closed.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter

# Width in characters of the columns read as prose; every other column gets
# DEFAULT_WIDTH, wide enough for a date, a status or a number.
DEFAULT_WIDTH = 14
WIDE_COLUMNS = {
    "sentence": 60,
    "text": 60,
    "source_title": 40,
    "source_url": 30,
    "url": 30,
    "title": 40,
    "status_note": 40,
    "edit_note": 40,
    "note": 40,
    "old": 24,
    "new": 24,
    "surface": 20,
    "subject": 24,
    "metric": 24,
    "speaker": 24,
    "value": 16,
}
NARROW_COLUMNS = {"id": 8, "source_id": 10, "claim_id": 10, "part": 6, "text_parts": 10}


def column_width(name: str) -> int:
    return WIDE_COLUMNS.get(name) or NARROW_COLUMNS.get(name) or DEFAULT_WIDTH


class LaidOutSheet:
    """A write-only sheet with its header frozen, its columns sized and an autofilter."""

    def __init__(self, workbook, title: str, header: Sequence[str]) -> None:
        self.sheet = workbook.create_sheet(title)
        self.sheet.freeze_panes = "A2"  # the header stays in view while scrolling
        for number, name in enumerate(header, start=1):
            self.sheet.column_dimensions[get_column_letter(number)].width = column_width(name)
        self.sheet.append(list(header))
        self.width = len(header)
        self.rows = 1

    def append(self, row: Sequence) -> None:
        self.sheet.append(row)
        self.rows += 1

    def add_filter(self) -> None:
        """Filter buttons on the header, over every row written."""
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(self.width)}{self.rows}"
