"""``read_ais`` over many files and kinds, Parquet in and out, and ``write_positions``' contract."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest

from chokepoint.errors import InputError
from chokepoint.maritime import POSITION_SCHEMA, read_ais, scan_positions, write_positions


@pytest.fixture(scope="module")
def ais(data_dir: Path) -> Path:
    return data_dir / "ais"


@pytest.fixture(scope="module")
def mixed(ais: Path) -> tuple[pl.DataFrame, list[Path]]:
    paths = [
        ais / "nmea/global_2021-11-01_tagblock.nm4",
        ais / "dma/aisdk_2018-06-01_first138rows.csv",
        ais / "noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv",
    ]
    return read_ais(paths)[0], paths


def test_files_of_different_kinds_land_in_one_sorted_table(mixed: tuple[pl.DataFrame, list[Path]]) -> None:
    frame, _ = mixed
    assert frame.height == 959 + 126 + 39_822
    assert frame.equals(frame.sort("mmsi", "timestamp", maintain_order=True))
    assert set(frame["source"].unique()) >= {"41925", "aisdk_2018-06-01_first138rows.csv"}


def test_report_counts_rows_per_file(ais: Path, mixed: tuple[pl.DataFrame, list[Path]]) -> None:
    _, paths = mixed
    _, report = read_ais(paths)
    assert report.rows == {str(paths[0]): 959, str(paths[1]): 126, str(paths[2]): 39_822}
    assert report.total_rows == 959 + 126 + 39_822


def test_written_dataset_is_partitioned_by_day_and_reads_back(tmp_path: Path, mixed: tuple) -> None:
    frame, _ = mixed
    out = tmp_path / "positions"
    written = write_positions(frame, out)
    days = sorted(p.name for p in out.iterdir())
    assert days == ["day=2018-06-01", "day=2020-06-04", "day=2020-06-05", "day=2020-06-06", "day=2021-11-01"]
    assert written == [out / d / "part-0.parquet" for d in days]
    file_schema = pq.read_schema(written[0])
    assert file_schema.names == [n for n in POSITION_SCHEMA.names if n != "day"]  # day lives in the path
    assert file_schema.field("timestamp").type == POSITION_SCHEMA.field("timestamp").type
    back = scan_positions(out).collect()
    assert back.sort("mmsi", "timestamp", maintain_order=True).equals(frame)
    assert read_ais(out)[0].equals(frame)


def test_rewriting_replaces_the_dataset_and_leaves_no_temporary_folder(tmp_path: Path, mixed: tuple) -> None:
    frame, _ = mixed
    out = tmp_path / "positions"
    write_positions(frame, out)
    write_positions(frame.filter(pl.col("day") == datetime(2018, 6, 1).date()), out)
    assert [p.name for p in out.iterdir()] == ["day=2018-06-01"]
    assert [p.name for p in tmp_path.iterdir()] == ["positions"]


def test_refuses_to_replace_a_folder_that_is_not_a_dataset(tmp_path: Path, mixed: tuple) -> None:
    frame, _ = mixed
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not a positions dataset"):
        write_positions(frame, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_parquet_file_with_our_column_names_is_read_directly(tmp_path: Path) -> None:
    path = tmp_path / "mine.parquet"
    pl.DataFrame(
        {
            "mmsi": [273000001, 273000001],
            "timestamp": [datetime(2024, 1, 1, 0, 0), datetime(2024, 1, 1, 0, 10)],  # naive: UTC
            "lat": [43.1, 91.0],
            "lon": [50.2, 181.0],
            "sog": [7.5, 102.3],
        }
    ).write_parquet(path)
    frame, report = read_ais(path)
    assert frame["timestamp"].to_list() == [datetime(2024, 1, 1, 0, m, tzinfo=UTC) for m in (0, 10)]
    assert frame["lat"].to_list() == [43.1, None] and frame["sog"].to_list() == [7.5, None]
    assert frame.to_arrow().schema.names == POSITION_SCHEMA.names
    assert report.rows == {str(path): 2}


def test_parquet_without_needed_columns_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "other.parquet"
    pl.DataFrame({"ship": [1], "when": [datetime(2024, 1, 1)]}).write_parquet(path)
    with pytest.raises(InputError, match=r"other\.parquet: Parquet input lacks column\(s\) mmsi, timestamp"):
        read_ais(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "file is empty")],
)
def test_missing_and_empty_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "ais.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_ais(path)


def test_nothing_to_read_gives_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "quiet.nmea"  # one base-station report (type 4): no vessel rows
    path.write_text(
        "\\s:42809,c:1635731889,t:1635731965*6A\\!AIVDM,1,1,,,403t>B1vFhQr5`NonbBw?>G00<0n,0*7B\n"
    )
    frame, report = read_ais(path)
    assert frame.height == 0 and frame.to_arrow().schema.names == POSITION_SCHEMA.names
    assert report.rows == {str(path): 0} and report.ignored == {str(path): 1}
