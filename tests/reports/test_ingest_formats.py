"""Reading articles: text, markdown, HTML and PDF, with title, publisher, date and language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chokepoint.reports import Report, read_document, read_documents


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_header_lines_give_title_publisher_and_date(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "a.txt",
        "Title: Drones cross\nPublisher: Caspian Wire\nDate: 14 November 2023\n\n"
        "Drones cross\n\nIran shipped kits to Russia across the Caspian Sea.\n",
    )
    doc = read_document(path, "a.txt")
    assert (doc.title, doc.publisher, doc.published, doc.language) == (
        "Drones cross",
        "Caspian Wire",
        date(2023, 11, 14),
        "en",
    )
    assert doc.text[doc.body_start :].startswith("Drones cross")


def test_wire_dateline_gives_date_and_agency_when_no_header(tmp_path: Path) -> None:
    text = "Kits cross the Caspian\n\nTEHRAN, Nov. 14, 2023 (Caspian Wire) — Iran has shipped drone kits.\n"
    doc = read_document(_write(tmp_path, "b.txt", text), "b.txt")
    assert (doc.title, doc.publisher, doc.published) == (
        "Kits cross the Caspian",
        "Caspian Wire",
        date(2023, 11, 14),
    )
    assert doc.dateline is not None and doc.text[doc.dateline[0] :].startswith("TEHRAN")


def test_published_line_and_byline_outlet(tmp_path: Path) -> None:
    text = "# Drone parts\n\nBy Jane Roe, Volga Monitor\nPublished: 2 March 2024\n\nParts reached Russia.\n"
    doc = read_document(_write(tmp_path, "c.md", text), "c.md")
    assert (doc.title, doc.publisher, doc.published) == ("Drone parts", "Volga Monitor", date(2024, 3, 2))


@pytest.mark.parametrize(
    ("name", "text", "published"),
    [
        # a wire dateline without its year: the year of the file name's date
        ("2022-09-08-a.txt", "Drones\n\nWASHINGTON, Sept 8 (Reuters) - The U.S. acted.\n", "2022-09-08"),
        # ... else the first year that puts it on or after the latest full date the text states
        (
            "a.txt",
            "Drones\n\nWASHINGTON, Nov 15 (Reuters) - It said on 3 May 2022 that ships left.\n",
            "2022-11-15",
        ),
        (
            "a.txt",
            "Drones\n\nWASHINGTON, Jan 6 (Reuters) - It said on 3 May 2022 that ships left.\n",
            "2023-01-06",
        ),
        # a date on a short line under the title: bylines, "Updated", ISO, US style
        (
            "a.md",
            "# Drones\n\n*By Lena Marchenko, Kyiv Ledger · Dec. 9, 2022*\n\nIran shipped drones.\n",
            "2022-12-09",
        ),
        ("a.txt", "Drones\n\nUpdated 16 Nov 2022 · 3 min read\n\nIran shipped drones.\n", "2022-11-16"),
        ("a.txt", "Drones\n2023-01-06\n\nIran shipped drones.\n", "2023-01-06"),
        ("a.txt", "Drones\nNov. 15, 2022\n\nIran shipped drones.\n", "2022-11-15"),
        (
            "a.txt",
            "Drones\nPublished: 15 November 2022 | Kyiv Ledger\n\nIran shipped drones.\n",
            "2022-11-15",
        ),
    ],
)
def test_article_date_from_datelines_and_date_lines(
    tmp_path: Path, name: str, text: str, published: str
) -> None:
    doc = read_document(_write(tmp_path, name, text), name)
    assert doc.published == date.fromisoformat(published)


def test_agency_dateline_without_a_date_and_where_the_prose_starts(tmp_path: Path) -> None:
    text = "Drones\nUpdated 16 Nov 2022\nKYIV (Kyiv Ledger) — The United States on Tuesday acted.\n"
    doc = read_document(_write(tmp_path, "a.txt", text), "a.txt")
    assert doc.publisher == "Kyiv Ledger" and doc.text[doc.lead_start :].startswith("KYIV (Kyiv Ledger)")
    assert doc.dateline is not None and doc.text[doc.dateline[1] :].startswith("The United States")


def test_undated_article_has_no_date(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "d.txt", "Drones\n\nOn Nov. 14 Iran shipped drones.\n"), "d.txt")
    assert doc.published is None  # a date without a year is not a publication date


def test_markdown_markup_is_blanked_but_offsets_stay_the_files(tmp_path: Path) -> None:
    raw = "---\ntitle: T\ndate: 2023-11-16\n---\n\n# T\n\n"
    raw += "The **Shahed-136** [drone](http://x.example/y) flew.\n"
    doc = read_document(_write(tmp_path, "e.md", raw), "e.md")
    assert len(doc.text) == len(raw) and doc.published == date(2023, 11, 16)
    start = raw.index("Shahed-136")
    assert doc.text[start : start + 10] == "Shahed-136" and "**" not in doc.text and "http" not in doc.text


def test_html_main_text_without_navigation_and_with_site_name(ofac_report: Report) -> None:
    doc = next(d for d in ofac_report.documents if d.name == "2023-11-17-caspian-route-steppe.html")
    assert doc.title == "Caspian drone kits reach Russia's Alabuga plant"
    assert doc.publisher == "Steppe Observer" and doc.published == date(2023, 11, 17)
    assert "Subscribe" not in doc.text and "Grain prices" not in doc.text
    assert "switch them back on near Astrakhan" in doc.text


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body><article>'
        "<p>Officials met at a caf\xe9 in Tehran on Tuesday to discuss Shahed-136 deliveries to Russia.</p>"
        "<p>They agreed to expand shipments across the Caspian Sea next year, people said.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    doc = read_document(_write(tmp_path, "f.html", page), "f.html")
    assert "café in Tehran" in doc.text


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    doc = read_document(
        _write(tmp_path, "g.pdf", _pdf("Iran shipped Shahed-136 kits to Makhachkala.")), "g.pdf"
    )
    assert "Shahed-136 kits to Makhachkala" in doc.text and doc.format == "pdf"


def test_folder_is_read_recursively_in_order_and_other_files_skipped(articles: Path) -> None:
    names = [d.name for d in read_documents([articles])]
    assert names == sorted(names) and len(names) == 17 and "answers.csv" not in names
    assert {n.rsplit(".", 1)[1] for n in names} == {"txt", "md", "html"}


def test_reingesting_a_file_keeps_its_id(tmp_path: Path) -> None:
    path = _write(tmp_path, "h.txt", "Drones\n\nIran shipped drones.\n")
    first = read_document(path, "h.txt")
    path.write_text("Drones\n\nIran shipped more drones.\n")
    second = read_document(path, "h.txt")
    assert first.id == second.id and first.sha256 != second.sha256


def _pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in Helvetica (the smallest valid file pypdf reads)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
