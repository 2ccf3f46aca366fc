"""``chokepoint bench names`` on OpenSanctions' real labelled pairs, and on broken case files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chokepoint.cli import app

runner = CliRunner()
CONTRACT = re.compile(r"^precision=(\d\.\d{3}) recall=(\d\.\d{3}) f1=(\d\.\d{3}) pairs=(\d+)$")
HEADER = "case_group,schema,name1,name2,is_match\n"


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def cases(data_dir: Path) -> Path:
    return data_dir / "matching" / "opensanctions_nomenklatura" / "name_bench_cases.csv"


def write(tmp_path: Path, text: str, name: str = "cases.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bench_names_ends_with_the_contract_line(cases: Path) -> None:
    result = run("bench", "names", cases)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    found = CONTRACT.match(lines[-1])
    assert found, lines[-1]
    precision, recall, f1 = (float(found.group(i)) for i in (1, 2, 3))
    assert found.group(4) == "579"
    assert 0.0 < f1 <= 1.0 and 0.0 < precision <= 1.0 and 0.0 < recall <= 1.0
    assert f1 == pytest.approx(2 * precision * recall / (precision + recall), abs=0.002)


def test_bench_names_says_which_scoring_kernel_ran(cases: Path) -> None:
    line = run("bench", "names", cases).stdout.strip().splitlines()[-2]
    assert re.fullmatch(r"threshold=0\.800 us_per_pair=\d+\.\d kernel=(compiled|python)", line), line


def test_bench_names_prints_one_line_per_case_group(cases: Path) -> None:
    lines = run("bench", "names", cases).stdout.splitlines()
    groups = {line.split()[0].removeprefix("case_group=") for line in lines if line.startswith("case_group=")}
    assert groups == {
        "cluster_align",
        "cust_cases",
        "nk_checks",
        "nk_unit_tests",
        "synth_companies",
        "synth_people",
    }
    # the per-group pair counts add up to the whole file
    assert sum(int(line.rsplit("pairs=", 1)[1]) for line in lines if line.startswith("case_group=")) == 579


def test_a_lower_threshold_never_loses_recall(cases: Path) -> None:
    def recall(*extra: str) -> float:
        found = CONTRACT.match(run("bench", "names", cases, *extra).stdout.strip().splitlines()[-1])
        assert found
        return float(found.group(2))

    assert recall("--threshold", "0.3") >= recall()


def test_scores_out_keeps_input_columns_and_adds_score_match_explanation(cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    result = run("bench", "names", cases, "--scores-out", out, "--threshold", "0.5")
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == [
        *("case_group", "schema", "name1", "name2", "is_match", "quality", "category", "notes"),
        *("score", "match", "explanation"),
    ]
    assert len(rows) == 579
    assert rows[0]["name1"] == "Angelo Mercaz" and rows[0]["name2"] == "Angela Merkel"
    for row in rows:
        assert 0.0 <= float(row["score"]) <= 1.0
        assert row["match"] == ("true" if float(row["score"]) >= 0.5 else "false")
    assert sum(bool(row["explanation"]) for row in rows) > 500
    assert [p.name for p in tmp_path.iterdir()] == ["scores.csv"]  # no temporary file left behind


def test_is_match_accepts_one_and_zero(tmp_path: Path) -> None:
    path = write(
        tmp_path, HEADER + "g,Person,Angela Merkel,Angela Merkel,1\ng,Person,Angela Merkel,Vladimir Putin,0\n"
    )
    result = run("bench", "names", path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "precision=1.000 recall=1.000 f1=1.000 pairs=2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schema,name1,name2\nPerson,a,b\n", ":1: missing column(s): is_match"),
        ("name1,name2\n", ":1: missing column(s): schema, is_match"),
        ("", ":1: missing column(s): schema, name1, name2, is_match"),
        (
            HEADER + "g,Person,Ann,Anne,true\ng,Person,Ann,Anne,maybe\n",
            ":3: is_match must be true/false/1/0, not 'maybe'",
        ),
        (HEADER + "g,Persn,Ann,Anne,true\n", ":2: unknown schema 'Persn'"),
        (HEADER + "g,Person,,Anne,true\n", ":2: name1 is empty"),
        (HEADER + "g,Person,Ann,Anne\n", ":2: wrong number of fields"),
        (HEADER + "g,Person,Ann,Anne,true,extra\n", ":2: wrong number of fields"),
    ],
)
def test_bad_case_files_exit_2_with_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    out = tmp_path / "scores.csv"
    result = run("bench", "names", path, "--scores-out", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {path}{message}"
    assert not out.exists()


def test_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "g,Person,Jos\xe9,Jose,true\n").encode("latin-1"))
    result = run("bench", "names", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: not UTF-8 text")


def test_missing_file_and_bad_threshold_are_refused(tmp_path: Path) -> None:
    result = run("bench", "names", tmp_path / "nope.csv")
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {tmp_path / 'nope.csv'}: cannot read")
    path = write(tmp_path, HEADER + "g,Person,Ann,Anne,true\n")
    result = run("bench", "names", path, "--threshold", "1.5")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: field --threshold: threshold must be between 0 and 1, not 1.5"


def test_scores_out_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "g,Person,Ann,Anne,true\n")
    result = run("bench", "names", path, "--scores-out", tmp_path / "no" / "scores.csv")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'no' / 'scores.csv'}: cannot write")
