"""AIS CSV files through ``read_ais``: every real layout, field checks, sentinels and bad rows."""

from __future__ import annotations

import gzip
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chokepoint.errors import CSVColumnError, InputError
from chokepoint.maritime import ANON_MMSI_BASE, POSITION_SCHEMA, anonymous_mmsi, read_ais

NOAA_HEADER = (
    "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,"
    "Cargo,TransceiverClass"
)


@pytest.fixture(scope="module")
def ais(data_dir: Path) -> Path:
    return data_dir / "ais"


def first(frame: pl.DataFrame, **where: object) -> dict[str, object]:
    return frame.filter(**where).row(0, named=True)


def noaa_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "noaa.csv"
    path.write_text("\n".join((NOAA_HEADER, *rows)) + "\n")
    return path


# the second line of NOAA's AIS_2022_01_03.csv
GOOD = (
    "367379190,2022-01-03T00:00:00,30.3706,-88.56408,0.0,336.2,511,EAGLE,IMO8207721,WTD4583,"
    + "31,0,28,11,3.3,52,A"
)


@pytest.mark.parametrize(
    ("name", "rows", "vessels"),
    [
        ("noaa_marinecadastre/AIS_2022_01_03_first99999rows.csv", 99_999, 10_631),
        ("noaa_marinecadastre/AIS_2023_01_11_sample1000.csv", 1_000, 1_000),
        ("noaa_marinecadastre/nyharbor_2020-06-30_first_hour.csv", 8_689, 295),
        ("noaa_marinecadastre/nyharbor_2020-12-01_to_07_tracktable.csv", 172_679, 140),
        ("noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv", 39_822, 84),
        ("evergiven_suez/suez_boat_positions_2021-03-20_to_24.csv", 22_287, 256),
    ],
)
def test_real_csv_row_and_vessel_counts(ais: Path, name: str, rows: int, vessels: int) -> None:
    frame, report = read_ais(ais / name)
    assert (frame.height, frame["mmsi"].n_unique()) == (rows, vessels)
    assert report.total_bad == 0 and report.rows[str(ais / name)] == rows
    assert frame.to_arrow().schema.names == POSITION_SCHEMA.names
    assert frame.schema["timestamp"] == pl.Datetime("us", "UTC")


def test_marinecadastre_2022_fields(ais: Path) -> None:
    frame, _ = read_ais(ais / "noaa_marinecadastre/AIS_2022_01_03_first99999rows.csv")
    eagle = first(frame, mmsi=367379190)  # the file's second line
    assert eagle["timestamp"] == datetime(2022, 1, 3, tzinfo=UTC)
    assert (eagle["lat"], eagle["lon"], eagle["sog"], eagle["cog"]) == pytest.approx(
        (30.3706, -88.56408, 0, 336.2)
    )
    assert eagle["heading"] is None  # 511
    assert (eagle["name"], eagle["imo"], eagle["callsign"]) == ("EAGLE", 8207721, "WTD4583")  # "IMO8207721"
    assert (eagle["ship_type"], eagle["nav_status"], eagle["length"], eagle["width"]) == (31, 0, 28, 11)
    assert eagle["draught"] == pytest.approx(3.3)
    assert eagle["source"] == "AIS_2022_01_03_first99999rows.csv"
    assert frame["heading"].max() < 360 and frame["sog"].max() < 102.3


def test_marinecadastre_2020_column_order_and_signed_course(ais: Path) -> None:
    frame, _ = read_ais(ais / "noaa_marinecadastre/nyharbor_2020-06-30_first_hour.csv")
    # 2020 files wrote COG as signed 12 bits: CG SHRIKE's -61.8 is 347.8 (heading 349)
    shrike = first(frame, mmsi=366999618)
    assert (shrike["lat"], shrike["lon"], shrike["cog"], shrike["heading"]) == pytest.approx(
        (40.54291, -74.02433, 347.8, 349)
    )
    assert frame["cog"].min() >= 0
    assert frame["cog"].null_count() == 777  # -49.6 is the 360 "not available" sentinel


def test_danish_aisdk_sentinels_codes_and_base_stations(ais: Path) -> None:
    path = ais / "dma/aisdk_2018-06-01_first138rows.csv"
    frame, report = read_ais(path)
    # 138 rows of 135 MMSIs: 8 base stations and 4 aids to navigation are not vessel reports
    assert (frame.height, report.ignored[str(path)]) == (126, 12)
    assert frame.filter(pl.col("lat").is_null()).height == 10  # 91 / 181 sentinels
    assert frame.filter(pl.col("lat").is_null())["lon"].null_count() == 10
    first_row = first(frame, mmsi=215810000)
    assert first_row["timestamp"] == datetime(2018, 6, 1, tzinfo=UTC)  # 01/06/2018: day first
    assert first_row["nav_status"] == 4  # "Constrained by her draught"
    assert first_row["imo"] is None  # "Unknown"
    assert first(frame, mmsi=266220000)["ship_type"] == 81  # Tanker, hazard Category X


def test_satellite_wide_csv_static_fields_and_types(ais: Path) -> None:
    path = ais / "satellite/global_2021-07-01_decoded_2498msgs.csv"
    frame, report = read_ais(path)
    assert frame.height + report.ignored[str(path)] == 2_498
    assert sorted(frame["msg_type"].unique().to_list()) == [1, 3, 5, 18, 19, 24, 27]
    ship = first(frame, mmsi=538007407, msg_type=5)
    assert ship["timestamp"] == datetime(2021, 7, 1, 5, 20, 52, 640_000, tzinfo=UTC)  # Time + Millisecond
    assert (ship["name"], ship["callsign"], ship["imo"], ship["ship_type"]) == (
        "GH ZONDA",
        "V7MF3",
        9436472,
        71,
    )
    assert (ship["length"], ship["width"], ship["destination"]) == (231, 32, "BLUFF")  # 182 + 49
    assert ship["draught"] == pytest.approx(8.7)  # decimetres in the file


def test_suez_anonymised_ids_become_stable_mmsis(ais: Path) -> None:
    path = ais / "evergiven_suez/suez_boat_positions_2021-03-20_to_24.csv"  # UTF-8 BOM, dd/mm/YYYY HH:MM
    frame, report = read_ais(path)
    vessel = frame.filter(mmsi=anonymous_mmsi("1")).sort("timestamp").row(0, named=True)
    assert (vessel["timestamp"], vessel["lon"], vessel["lat"]) == (
        datetime(2021, 3, 20, 0, 22, tzinfo=UTC),
        32.32925,
        31.4386,
    )
    assert frame["mmsi"].min() >= ANON_MMSI_BASE
    assert any("hashed" in note for note in report.notes[str(path)])


def test_column_mapping_with_guessed_and_given_time_format(ais: Path) -> None:
    path = ais / "evergiven_suez/suez_boat_positions_2021-03-20_to_24.csv"
    detected, _ = read_ais(path)
    mapping = {"id": "ID", "timestamp": "ais_pos_timestamp", "lat": "latitude", "lon": "longitude"}
    assert read_ais(path, mapping=mapping)[0].equals(detected)
    assert read_ais(path, mapping=mapping, time_format="%d/%m/%Y %H:%M")[0].equals(detected)


def test_mapping_of_an_unknown_layout(tmp_path: Path) -> None:
    path = tmp_path / "boats.csv"
    path.write_text(
        "boat,when,y,x,knots\n273000001,1704067200,43.1,50.2,7.5\n273000001,1704070800,43.2,50.3,\n"
    )
    frame, _ = read_ais(
        path, mapping={"mmsi": "boat", "timestamp": "when", "lat": "y", "lon": "x", "sog": "knots"}
    )
    assert frame["timestamp"].to_list() == [
        datetime(2024, 1, 1, h, tzinfo=UTC) for h in (0, 1)
    ]  # unix, guessed
    assert frame["sog"].to_list() == [7.5, None]


def test_unknown_header_names_line_1_and_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "boats.csv"
    path.write_text("boat,when,y,x\n1,2,3,4\n")
    with pytest.raises(CSVColumnError) as caught:
        read_ais(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:1: unknown AIS CSV header (columns: boat, when, y, x)")
    assert "--map mmsi=COLUMN" in message


def test_mapping_to_a_missing_column_names_the_header(tmp_path: Path) -> None:
    path = noaa_file(tmp_path, GOOD)
    with pytest.raises(CSVColumnError, match=r"noaa\.csv:1: --map names column\(s\) Y"):
        read_ais(path, mapping={"mmsi": "MMSI", "timestamp": "BaseDateTime", "lat": "Y", "lon": "LON"})


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        (GOOD.replace("30.3706", "north"), "column LAT: 'north' is not a number"),
        (GOOD.replace("30.3706", "95.5"), "column LAT: '95.5' is outside ±90 degrees"),
        (GOOD.replace("-88.56408", "-181.5"), "column LON: '-181.5' is outside ±180 degrees"),
        (GOOD.replace("2022-01-03T00:00:00", "yesterday"), "column BaseDateTime: 'yesterday' is not a time"),
        (GOOD.replace("2022-01-03T00:00:00", ""), "column BaseDateTime (time) is empty"),
        (GOOD.replace("367379190", "36737919X"), "column MMSI: '36737919X' is not an MMSI"),
        (GOOD.replace(",0.0,", ",fast,"), "column SOG: 'fast' is not a number"),
        (GOOD + ",extra", "18 fields where the header has 17"),
    ],
)
def test_bad_row_names_file_and_line(tmp_path: Path, bad_row: str, reason: str) -> None:
    path = noaa_file(tmp_path, GOOD, GOOD, bad_row, GOOD)
    with pytest.raises(InputError) as caught:
        read_ais(path)
    assert str(caught.value).startswith(f"{path}:4: {reason}")
    frame, report = read_ais(path, skip_bad=True)
    assert frame.height == 3
    assert report.bad_counts == {str(path): 1}
    assert report.bad_lines[0].line == 4 and report.bad_lines[0].reason.startswith(reason)


def test_sentinels_are_nulls_not_errors(tmp_path: Path) -> None:
    sentinel = "367379190,2022-01-03T00:01:00,91,181,102.3,360,511,EAGLE,,,0,15,0,0,0,,A"
    frame, _ = read_ais(noaa_file(tmp_path, sentinel))
    row = frame.row(0, named=True)
    assert [row[k] for k in ("lat", "lon", "sog", "cog", "heading", "ship_type", "length", "draught")] == [
        None
    ] * 8
    assert row["nav_status"] == 15


def test_line_numbers_count_quoted_line_breaks(tmp_path: Path) -> None:
    quoted = GOOD.replace("EAGLE", '"EAGLE\nTWO"')
    path = noaa_file(tmp_path, quoted, GOOD.replace("30.3706", "north"))
    with pytest.raises(InputError, match=r"noaa\.csv:4: column LAT"):
        read_ais(path)


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "noaa.csv"
    path.write_bytes(
        f"{NOAA_HEADER}\n{GOOD}\n".encode() + GOOD.replace("EAGLE", "EAG\xffLE").encode("latin-1")
    )
    with pytest.raises(InputError, match=r"noaa\.csv:3: bytes that are not UTF-8"):
        read_ais(path)
    assert read_ais(path, skip_bad=True)[0].height == 1


def test_compressed_csv_reads_like_the_plain_file(ais: Path, tmp_path: Path) -> None:
    plain = ais / "noaa_marinecadastre/virginiabeach_2020-06-04_to_06_tracktable.csv"
    expected, _ = read_ais(plain)
    packed = tmp_path / "vb.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    zipped = tmp_path / "vb.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(plain, plain.name)
    for path in (packed, zipped):
        frame, _ = read_ais(path)
        assert frame.drop("source").equals(expected.drop("source"))


@settings(max_examples=200, deadline=None)
@example(cells=["", "", "", "", "\r$"])  # a lone CR in a quoted cell once made the file look like NMEA
@given(
    cells=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=5, max_size=5
    )
)
def test_any_cell_text_gives_rows_or_input_error(
    tmp_path_factory: pytest.TempPathFactory, cells: list[str]
) -> None:
    path = tmp_path_factory.mktemp("csv") / "cells.csv"
    fields = [c.replace('"', '""') for c in cells]
    path.write_text(f"{NOAA_HEADER}\n{GOOD}\n" + ",".join(f'"{c}"' for c in fields) + ",x,,,,,,,,,,,A\n")
    try:
        frame, _ = read_ais(path, skip_bad=True)
    except InputError:
        return
    assert 1 <= frame.height <= 2
