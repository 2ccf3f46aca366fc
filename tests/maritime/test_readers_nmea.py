"""NMEA 0183 AIS logs through ``read_ais``: counts, fields, times and bad lines on the real samples.

Expected field values come from decoding the same sentences by hand with pyais.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chokepoint.errors import InputError
from chokepoint.maritime import POSITION_SCHEMA, IngestReport, read_ais

UTC_TIME = pl.Datetime("us", "UTC")


@pytest.fixture(scope="module")
def nmea(data_dir: Path) -> Path:
    return data_dir / "ais" / "nmea"


def row(frame: pl.DataFrame, **where: object) -> dict[str, object]:
    rows = frame.filter(**where).to_dicts()
    assert len(rows) == 1, rows
    return rows[0]


def test_frame_has_exactly_the_position_schema(nmea: Path) -> None:
    frame, _ = read_ais(nmea / "global_2021-11-01_tagblock.nm4")
    assert frame.to_arrow().schema.names == POSITION_SCHEMA.names
    assert frame.schema["timestamp"] == UTC_TIME


def test_tag_block_file_decodes_every_message(nmea: Path) -> None:
    # SOURCES.md: 979 decodable messages; 20 are base stations, aids to navigation, binary
    path = nmea / "global_2021-11-01_tagblock.nm4"
    frame, report = read_ais(path)
    assert report.total_bad == 0
    assert frame.height + report.ignored[str(path)] == 979
    assert frame.height == report.rows[str(path)] == 959
    assert frame["mmsi"].n_unique() == 824  # 843 with the base stations and aids to navigation


def test_tag_block_time_and_station_are_used(nmea: Path) -> None:
    # \s:41925,c:1635731889*66\!AIVDM,1,1,,,15Di=4002i<chWiba2`rPpD:04;`,0*37 (line 4)
    frame, _ = read_ais(nmea / "global_2021-11-01_tagblock.nm4")
    first = row(frame, mmsi=357322000, msg_type=1, timestamp=datetime.fromtimestamp(1635731889, UTC))
    assert first["source"] == "41925"
    assert first["lat"] == pytest.approx(-37.327088)
    assert first["lon"] == pytest.approx(177.331613)
    assert first["sog"] == pytest.approx(17.7)
    assert first["cog"] == pytest.approx(269.1)
    assert first["heading"] == 266
    assert first["nav_status"] == 0


def test_multi_sentence_type_5_is_assembled_across_a_tag_block_group(nmea: Path) -> None:
    # lines 60-61: \g:1-2-3454,s:41925,c:1635731893\ + \g:2-2-3454\ (second fragment has no time)
    frame, _ = read_ais(nmea / "global_2021-11-01_tagblock.nm4")
    static = row(frame, mmsi=512004035, msg_type=5)
    assert static["timestamp"] == datetime.fromtimestamp(1635731893, UTC)
    assert static["source"] == "41925"
    assert static["imo"] == 9679816
    assert static["name"] == "WAIMATA"
    assert static["callsign"] == "ZMG2862"
    assert static["ship_type"] == 52
    assert (static["length"], static["width"]) == (24, 12)  # bow 10 + stern 14, port 6 + starboard 6
    assert static["draught"] == pytest.approx(5.6)
    assert static["destination"] == "GISBORNE"
    assert static["lat"] is None and static["sog"] is None


def test_class_b_and_type_24_parts(nmea: Path) -> None:
    frame, _ = read_ais(nmea / "global_2021-11-01_tagblock.nm4")
    class_b = row(frame, mmsi=512009860, msg_type=18)
    assert class_b["sog"] == pytest.approx(4.6) and class_b["cog"] == pytest.approx(164.8)
    assert class_b["heading"] is None  # 511 = not available
    assert class_b["nav_status"] is None  # class B reports carry none
    assert row(frame, mmsi=512008680, msg_type=24)["name"] == "RUA MOANA"
    part_b = row(frame, mmsi=512008679, msg_type=24)
    assert (part_b["callsign"], part_b["ship_type"], part_b["length"], part_b["width"]) == (
        "ZMY4381",
        37,
        18,
        5,
    )


def test_long_range_type_27_sentinels_become_nulls(nmea: Path) -> None:
    frame, _ = read_ais(nmea / "global_2021-11-01_tagblock.nm4")
    long_range = frame.filter(msg_type=27)
    assert long_range.height == 127
    assert long_range["heading"].null_count() == 127  # type 27 has no heading
    assert long_range["lat"].null_count() == long_range["lon"].null_count() == 1  # 91 / 181
    assert long_range["sog"].null_count() == 1  # 63 = not available
    assert long_range["cog"].null_count() == 8  # 511 = not available
    first = row(frame, mmsi=412750020, msg_type=27)
    assert (first["lat"], first["lon"], first["sog"], first["cog"], first["nav_status"]) == pytest.approx(
        (30.903333, 117.741667, 0.0, 25.0, 1)
    )


def test_trailing_unix_time_after_the_checksum(nmea: Path) -> None:
    # line 3: !AIVDM,1,1,1,B,53eaFL…,2*7F,d-108,S0097,t050102.00,T02.59,r003669946,1325394065,1325394006
    path = nmea / "sample_2012-01-01_timestamped.nmea"
    frame, report = read_ais(path)
    assert (frame.height, report.ignored[str(path)], report.total_bad) == (7, 19, 0)  # 26 lines
    ship = row(frame, mmsi=249190000)
    assert ship["timestamp"] == datetime.fromtimestamp(1325394065, UTC)
    assert (ship["imo"], ship["name"], ship["callsign"]) == (9383663, "RUTH THERESA", "9HMQ9")
    assert (ship["ship_type"], ship["length"], ship["width"]) == (80, 101, 18)
    assert ship["destination"] == "BOSTON,USA"


def test_gatehouse_time_applies_to_the_next_message_only(nmea: Path) -> None:
    path = nmea / "pghp_timestamped_sample.ais"
    frame, report = read_ais(path, skip_bad=True)
    assert frame.height == 1  # the only AIVDM line right after a $PGHP with a good checksum
    first = frame.row(0, named=True)
    assert first["timestamp"] == datetime(2008, 5, 9, 0, 0, 0, 10_000, tzinfo=UTC)
    assert (first["mmsi"], first["sog"], first["cog"]) == (
        367309370,
        pytest.approx(11.1),
        pytest.approx(138.5),
    )
    assert first["heading"] is None
    assert report.untimed[str(path)] == 3
    assert [(b.line, b.reason) for b in report.bad_lines] == [
        (7, "$PGHP sentence without a matching checksum")
    ]


def test_untimed_messages_are_counted_or_given_the_default_time(nmea: Path) -> None:
    path = nmea / "greece_sample_untimestamped.nmea"
    frame, report = read_ais(path, skip_bad=True)
    assert frame.height == 0 and report.untimed[str(path)] == 764
    assert "--default-time" in report.notes[str(path)][0]
    when = datetime(2024, 1, 1, tzinfo=UTC)
    frame, report = read_ais(path, skip_bad=True, default_time=when)
    # SOURCES.md: 778 decodable messages from 167 MMSIs; 14 are base stations and binary messages
    assert frame.height + report.ignored[str(path)] == 778
    assert frame["mmsi"].n_unique() == 165
    assert frame["timestamp"].unique().to_list() == [when]
    assert frame["source"].unique().to_list() == ["greece_sample_untimestamped.nmea"]


def test_empty_payloads_and_lone_fragments_are_bad_lines(nmea: Path) -> None:
    path = nmea / "greece_sample_untimestamped.nmea"
    _, report = read_ais(path, skip_bad=True, default_time=datetime(2024, 1, 1, tzinfo=UTC))
    assert report.bad_counts[str(path)] == 120  # 100 empty payloads, 20 first fragments without a second
    reasons = {b.reason for b in report.bad_lines}
    assert reasons == {"empty AIS payload", "multi-sentence message incomplete: 1 of 2 fragments"}
    assert report.bad_lines[0].line == 4  # !AIVDM,1,1,,B,,0*25
    assert len(report.bad_lines) == 100  # the first 100 reasons are kept; the count stays exact


def test_bad_line_raises_with_file_and_line_unless_skipping(nmea: Path) -> None:
    path = nmea / "greece_sample_untimestamped.nmea"
    with pytest.raises(InputError) as caught:
        read_ais(path)
    assert str(caught.value).startswith(f"{path}:4: empty AIS payload")


def test_garbage_line_names_its_line(tmp_path: Path) -> None:
    log = tmp_path / "log.nmea"
    good = "!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09"
    log.write_text(f"{good}\nthis is not NMEA\n{good[:-1]}A\n")  # line 3: checksum 0A, not 09
    with pytest.raises(InputError, match=r"log\.nmea:2: not an NMEA"):
        read_ais(log)
    report = read_ais(log, skip_bad=True)[1]
    assert [(b.line, b.reason) for b in report.bad_lines] == [
        (2, "not an NMEA !AIVDM/!AIVDO sentence"),
        (3, "checksum missing or does not match"),
    ]


def test_millisecond_tag_block_time_and_trailing_junk(nmea: Path) -> None:
    # \c:1599239526500,s:sdr-experiments,...\!AIVDM,...,0*73' : milliseconds, and a stray quote
    frame, report = read_ais(nmea / "gfw_tagblock_sample.nmea")
    assert report.total_bad == 0
    assert frame["timestamp"].to_list()[0] == datetime(2020, 9, 4, 17, 12, 6, 500_000, tzinfo=UTC)
    assert frame["source"].unique().to_list() == ["sdr-experiments"]


def test_mixed_types_keep_positions_and_static_reports(nmea: Path) -> None:
    path = nmea / "gfw_mixed_types.nmea"
    frame, report = read_ais(path, default_time=datetime(2024, 1, 1, tzinfo=UTC))
    assert sorted(frame["msg_type"].unique().to_list()) == [1, 2, 3, 5, 18, 19, 24, 27]
    assert frame.height + report.ignored[str(path)] == 99  # what pyais' own stream decodes
    ship = row(frame, mmsi=367541980, msg_type=5)  # lines 48-49, imo 0 and dimensions 0: not available
    assert (ship["name"], ship["callsign"], ship["imo"], ship["length"]) == (
        "EUGENIE J. HUGER",
        "WDG4974",
        None,
        None,
    )


NMEA_ISH = st.builds(
    str.__add__,
    st.sampled_from(
        ["!AIVDM,", "!AIVDM,2,1,3,A,", "\\s:1,c:", "\\g:1-2-9*00\\!AIVDM,", "$PGHP,1,", "1635731889 "]
    ),
    st.text(max_size=80),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=90), NMEA_ISH), max_size=8))
def test_any_text_gives_rows_or_input_error(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    log = tmp_path_factory.mktemp("nmea") / "fuzz.nmea"
    log.write_text("!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09\n" + "\n".join(lines), encoding="utf-8")
    try:
        frame, report = read_ais(log, default_time=datetime(2024, 1, 1, tzinfo=UTC))
    except InputError as exc:
        assert exc.path == str(log)
        return
    assert isinstance(report, IngestReport)
    assert frame.schema["mmsi"] == pl.Int64
