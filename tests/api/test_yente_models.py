"""Our answers validate against yente's own response models (``yente.data.common``, yente 5.5.0).

yente pins fastapi, followthemoney, rigour and nomenklatura to versions that clash with ours, so it
gets its own virtual environment: yente and the packages its models are defined in (nomenklatura's
FeatureResult, followthemoney's DatasetModel) at yente's pins, installed without dependencies; the
rest (pydantic, PyICU …) comes from the test environment through a ``.pth`` file, which keeps the
setup to a few seconds instead of a two-minute install with a PyICU build.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path
from typing import Any

import pytest

#: yente 5.5.0's own pins of the packages its response models come from, and of what they import.
YENTE = ("yente==5.5.0", "nomenklatura==4.10.0", "followthemoney==4.9.2", "rigour==2.1.2",
         "structlog==26.1.0", "aiocron==2.1", "cronsim==2.8", "tzlocal==5.4.5",
         "aiofiles==25.1.0")  # fmt: skip

VALIDATE = """
import json, sys
from importlib.metadata import version
from yente.data import common
failures = []
for model, payload in json.load(open(sys.argv[1])):
    try:
        getattr(common, model).model_validate(payload)
    except Exception as exc:
        failures.append(f"{model}: {exc}")
found = {p: version(p) for p in ("yente", "followthemoney", "nomenklatura")} | {"file": common.__file__}
print(json.dumps({"failures": failures, "versions": found}))
"""


@pytest.fixture(scope="session")
def yente_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("yente-venv")
    venv.create(home, with_pip=False)
    python = home / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "zz_test_env.pth").write_text("\n".join(ours) + "\n")  # after yente's own packages
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", *YENTE]
    done = subprocess.run(install, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"could not install yente's models: {done.stderr[-2000:]}")
    return python


def collect(client, headers) -> list[tuple[str, Any]]:
    """(yente model name, our JSON answer) for every yente-compatible endpoint."""
    read = headers["read"]
    queries = {
        "person": {
            "schema": "Person",
            "properties": {"name": ["Dawood Agha-Jani"], "birthDate": "1957-04-23"},
        },
        "firm": {
            "schema": "Company",
            "properties": {"name": ["Shahid Hemmat Industrial Group"], "country": ["ir"]},
        },
        "none": {"schema": "LegalEntity", "properties": {"name": ["Zzyzx Qwerty Holdings"]}},
    }
    found = []
    for body in ({"queries": queries}, {"queries": queries, "weights": {"name_literal": 0.8}}):
        answer = client.post("/match/default", json=body, headers=read)
        assert answer.status_code == 200
        found += [("EntityMatchQuery", body), ("EntityMatchResponse", answer.json())]
    for path in ("/search/default?q=hemmat", "/search/un_sc?q=shipping&limit=3&offset=1"):
        found.append(("SearchResponse", client.get(path, headers=read).json()))
    for path in ("/entities/un-sc-ire-067", "/entities/un-sc-iri-002?nested=false"):
        found.append(("EntityResponse", client.get(path, headers=read).json()))
    found.append(("DataCatalogModel", client.get("/catalog", headers=read).json()))
    found.append(("AlgorithmResponse", client.get("/algorithms", headers=read).json()))
    return found


def test_answers_validate_against_yentes_own_models(
    client, headers, yente_python: Path, tmp_path: Path
) -> None:
    payloads = collect(client, headers)
    broken = ("EntityMatchResponse", {"responses": {}})  # a control: the check must catch a missing limit
    data = tmp_path / "payloads.json"
    data.write_text(json.dumps([*payloads, broken]))
    done = subprocess.run([yente_python, "-c", VALIDATE, data], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    (failure,) = result["failures"]
    assert failure.startswith("EntityMatchResponse: ") and "limit" in failure and len(payloads) == 10
    # only worth something if the models are yente's pins from its own environment, not ours
    versions = result["versions"]
    assert (versions["yente"], versions["followthemoney"], versions["nomenklatura"]) == (
        "5.5.0",
        "4.9.2",
        "4.10.0",
    )
    assert versions["file"].startswith(str(yente_python.parents[1]))
