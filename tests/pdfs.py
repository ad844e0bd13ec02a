"""PDFs the tests make with fpdf2, line by line, so that layout is exactly what the test says."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0  # A4 in millimetres
MARGIN, GUTTER, LEADING = 20.0, 10.0, 5.0


@dataclass
class Page:
    """What goes on one page: a full-width top part, then two columns (or one), header and footer."""

    top: list[tuple[str, float]] = field(default_factory=list)
    """(text, font size) lines across the whole width."""
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    single: list[tuple[str, float]] = field(default_factory=list)
    """(text, font size) lines of a one-column page, after the top part."""
    bottom: list[tuple[str, float]] = field(default_factory=list)
    """(text, font size) lines at the foot of the page, above the page number: footnotes."""


def make_pdf(
    path: Path,
    pages: list[Page],
    header: str | None = None,
    footer_numbers: bool = True,
    title: str | None = None,
    author: str | None = None,
) -> Path:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    column = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=8)
            pdf.text(MARGIN, 12, header)
        if footer_numbers:
            pdf.set_font("Helvetica", size=8)
            pdf.text(PAGE_WIDTH / 2, PAGE_HEIGHT - 10, str(number))
        y = 30.0
        for line, size in page.top:
            pdf.set_font("Helvetica", size=size)
            pdf.text(MARGIN, y, line)
            y += size * 0.5 + 2
        for line, size in page.single:
            pdf.set_font("Helvetica", size=size)
            pdf.text(MARGIN, y, line)
            y += size * 0.4 + 1.5
        pdf.set_font("Helvetica", size=10)
        for x, lines in ((MARGIN, page.left), (MARGIN + column + GUTTER, page.right)):
            for index, line in enumerate(lines):
                if line:
                    pdf.text(x, y + 4 + index * LEADING, line)
        y = PAGE_HEIGHT * 0.86
        for line, size in page.bottom:
            pdf.set_font("Helvetica", size=size)
            pdf.text(MARGIN, y, line)
            y += size * 0.4 + 1
    pdf.output(str(path))
    return path
