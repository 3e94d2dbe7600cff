"""Reading generated PDFs back in tests (pypdf; no mocks of the format)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    """All text of the PDF with white space removed (CJK extraction inserts spaces/line breaks)."""
    reader = PdfReader(path)
    return "".join((page.extract_text() or "") for page in reader.pages).replace("\n", "").replace(" ", "")


def font_report(path: Path) -> list[tuple[str, bool]]:
    """(BaseFont name, embedded?) for every font used on any page."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return sorted(found.items())
