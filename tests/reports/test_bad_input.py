"""Bad articles are refused with the file (and line) named: nothing is read half."""

from __future__ import annotations

from pathlib import Path

import pytest

from chokepoint.errors import InputError
from chokepoint.reports import load_reference, places, read_documents


def _refused(paths: list[Path]) -> str:
    with pytest.raises(InputError) as caught:
        read_documents(paths)
    return str(caught.value)


def test_undecodable_bytes_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Title: T\n\nIran shipped\ndrones \xff\xfe to Russia.\n")
    assert _refused([path]) == f"{path}:4: not utf-8 text (byte 0xff)"


def test_nul_bytes_are_binary_not_text(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"Iran\n\x00\x01\x02")
    assert _refused([path]) == f"{path}:2: binary data (NUL byte): not a text file"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    assert _refused([path]) == f"{path}: empty file"


def test_header_without_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "head.txt"
    path.write_text("Title: T\nDate: 2024-01-02\n")
    assert _refused([path]) == f"{path}: no article text after the header lines"


def test_unsupported_extension_named_explicitly_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("Iran")
    assert _refused([path]).startswith(f"{path}: unsupported file type '.docx'")


def test_missing_folder_and_folder_without_articles(tmp_path: Path) -> None:
    assert _refused([tmp_path / "nowhere"]) == f"{tmp_path / 'nowhere'}: no such file or folder"
    (tmp_path / "only.csv").write_text("a,b\n")
    assert _refused([tmp_path]).startswith(f"{tmp_path}: no articles")


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert _refused([path]) == f"{path}: no article text found in this HTML page"


def test_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")
    assert _refused([path]).startswith(f"{path}: ")


def test_first_bad_file_stops_the_whole_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Drones\n\nIran shipped drones.\n")
    (tmp_path / "b.txt").write_bytes(b"\xff")
    assert _refused([tmp_path]).startswith(f"{tmp_path / 'b.txt'}:1:")


def test_malformed_reference_gazetteer_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        "# comment\nname,aliases,kind,country,note\nAmirabad,,port,IR,ok\nNowhere,,volcano,IR,bad\n"
    )
    with pytest.raises(InputError) as caught:
        load_reference(path, frozenset({"port"}))
    assert str(caught.value).startswith(f"{path}:4: kind 'volcano'")
    assert {p.kind for p in places()} <= {"port", "city", "site", "region", "sea", "country"}
