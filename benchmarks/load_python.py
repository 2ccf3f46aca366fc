"""A bounded HTTP load generator in Python, for ``bench_api.py``: where wrk is not installed, and for
a fixed request rate (open loop), which wrk cannot do.

Runs in its own process an asyncio loop over ``connections`` keep-alive HTTP/1.1 connections
(plain asyncio streams: an HTTP client library would cost more CPU than the server it measures),
POSTing the bodies of a file in turn for ``seconds``. Closed loop (``rate`` None): each connection
sends its next request when the last one is answered. Open loop: request ``i`` is due at ``i / rate``
seconds and its latency counts from then, so time queued for a free connection is not hidden.
Returns the wrk script's summary: requests, duration, p50/p99 latency, 5xx, non-2xx, socket errors.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["python_load"]


def _summary(latencies: list[float], duration: float, counts: dict[str, int]) -> dict[str, float]:
    latencies.sort()

    def pick(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * q))] * 1e6 if latencies else 0.0

    summary = {
        "requests": len(latencies),
        "duration_us": duration * 1e6,
        "p50_us": pick(0.5),
        "p99_us": pick(0.99),
    }
    return summary | counts


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """Send one request, read its whole answer; the status code."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(x.split(":", 1)[1]) for x in lines if x.lower().startswith("content-length:")), 0)
    await reader.readexactly(length)
    return status


async def _run(
    url: str, key: str, bodies: list[str], connections: int, seconds: float, rate: float | None
) -> dict[str, float]:
    parts = urlsplit(url)
    requests = [
        (f"POST {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nAuthorization: ApiKey {key}\r\n"
         f"Content-Type: application/json\r\nContent-Length: {len(b.encode())}\r\n\r\n").encode() + b.encode()
        for b in bodies
    ]  # fmt: skip
    idle: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = asyncio.Queue()
    for _ in range(connections):
        idle.put_nowait(await asyncio.open_connection(parts.hostname, parts.port))
    latencies: list[float] = []
    counts = {"errors_5xx": 0, "non2xx": 0, "socket_errors": 0}
    started = time.perf_counter()
    deadline = started + seconds

    async def send(index: int, due: float) -> None:
        reader, writer = await idle.get()
        try:
            status = await _exchange(reader, writer, requests[index % len(requests)])
        except (OSError, asyncio.IncompleteReadError, ValueError):
            counts["socket_errors"] += 1
            writer.close()
            idle.put_nowait(await asyncio.open_connection(parts.hostname, parts.port))
            return
        idle.put_nowait((reader, writer))
        latencies.append(time.perf_counter() - due)
        counts["errors_5xx"] += status >= 500
        counts["non2xx"] += not 200 <= status < 300

    async def closed(offset: int) -> None:
        index = offset
        while time.perf_counter() < deadline:
            index += 1
            await send(index, time.perf_counter())

    if rate is None:
        await asyncio.gather(*(closed(i * 97) for i in range(connections)))
    else:
        tasks = []
        for index in range(int(seconds * rate)):
            due = started + index / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            tasks.append(asyncio.create_task(send(index, due)))
        await asyncio.gather(*tasks)
    duration = time.perf_counter() - started
    while not idle.empty():
        idle.get_nowait()[1].close()
    return _summary(latencies, duration, counts)


def _child(queue: multiprocessing.Queue, *args: object) -> None:
    queue.put(asyncio.run(_run(*args)))  # type: ignore[arg-type]


def python_load(
    url: str, key: str, bodies: Path, connections: int, seconds: int, rate: float | None = None
) -> dict[str, float]:
    """Run the load in a separate process; ``rate`` (requests/s) makes it an open loop."""
    lines = [line for line in bodies.read_text().splitlines() if line]
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue, url, key, lines, connections, float(seconds), rate))
    process.start()
    result = queue.get(timeout=seconds + 120)
    process.join()
    return result
