"""``chokepoint serve``: the HTTP API and the analyst web UI on one app under uvicorn (thin command).

Each worker process builds its own index from the store at startup; the command hands them their
settings in the environment variable :data:`CONFIG_ENV` and uvicorn imports :func:`worker_app`.
The UI has no login, so it is mounted only when the server listens on a loopback address.
"""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from chokepoint.cli._app import DEFAULT_DB_VALUE, DbOption, app, err, reporting
from chokepoint.errors import InputError

__all__ = ["CONFIG_ENV", "serve", "worker_app"]

CONFIG_ENV = "CHOKEPOINT_SERVE_CONFIG"


def worker_app() -> Any:
    """The app of one uvicorn worker, from the settings ``serve`` put in the environment."""
    from chokepoint.api import create_app

    config = json.loads(os.environ[CONFIG_ENV])
    served = create_app(
        config["db"],
        threshold=config["threshold"],
        auth=config["auth"],
        reload_interval=config["reload_interval"],
        cors_origins=config["cors_origins"],
    )
    if config.get("ui", True):  # the analyst UI (no login: loopback only), on the same service
        from chokepoint.web import mount

        ais = Path(config["ais"]) if config.get("ais") else None
        mount(served, lambda: served.state.chokepoint.service, ais_dir=ais)
    return served


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (each holds its own index).", min=1)] = 1,
    db: DbOption = DEFAULT_DB_VALUE,
    threshold: Annotated[float | None, typer.Option(help="Score at which a result is a match.")] = None,
    reload_interval: Annotated[
        float, typer.Option(help="Seconds between checks for a newly loaded list version.", min=0.5)
    ] = 5.0,
    cors_origin: Annotated[
        list[str] | None, typer.Option("--cors-origin", help="Allow browsers from this origin (CORS is off).")
    ] = None,
    no_auth: Annotated[
        bool, typer.Option("--no-auth", help="No API keys: every request is an admin (loopback only).")
    ] = False,
    access_log: Annotated[
        bool, typer.Option(help="Log every request on stderr (the audit log has them).")
    ] = False,
    ais: Annotated[
        Path | None,
        typer.Option("--ais", help="Folder of AIS events for the UI's vessel pages (demo: demo_ais)."),
    ] = None,
) -> None:
    """Serve the HTTP API: yente-compatible /match, /search, /entities; /screen/parties, /decisions."""
    import uvicorn

    from chokepoint.store import Store

    with reporting():
        if threshold is not None and not 0.0 < threshold <= 1.0:
            raise InputError("--threshold must be in (0, 1]", field="threshold")
        if no_auth and not _loopback(host):
            raise InputError("--no-auth only on a loopback address (127.0.0.1, ::1, localhost)", field="host")
        if ais is not None and not ais.is_dir():
            raise InputError("no such folder of AIS events", path=ais)
        with Store(db) as store:
            versions = store.versions(current_only=True)
            keys = store.list_keys(include_revoked=False)
        if not versions:
            err.print("warning: no lists are loaded: /readyz answers 503 until `chokepoint lists load`")
        if not keys and not no_auth:
            err.print("warning: no API keys yet: create one with `chokepoint keys create NAME`")
        config = {"db": db, "threshold": threshold, "auth": not no_auth, "reload_interval": reload_interval,
                  "cors_origins": list(cors_origin or [])}  # fmt: skip
        config |= {"ui": _loopback(host), "ais": str(ais.resolve()) if ais is not None else None}
        os.environ[CONFIG_ENV] = json.dumps(config)
        err.print(f"serving {db} on http://{host}:{port} with {workers} worker(s); Ctrl-C stops")
        if config["ui"]:
            err.print(f"the analyst UI: http://{host}:{port}/ui/")
        else:
            err.print("the analyst UI has no login: it is served on loopback addresses only")
    uvicorn.run(
        "chokepoint.cli._serve:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        log_level="warning",
        timeout_graceful_shutdown=10,
    )
