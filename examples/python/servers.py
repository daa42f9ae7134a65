"""Real servers on loopback for the framework tests: each starts on a free ephemeral port of
127.0.0.1, is waited for until it accepts connections, and is stopped (SIGTERM, then SIGKILL
after 10 s) when the block ends; its log is returned for the caller to check (no key may
appear in it)."""

from __future__ import annotations

import contextlib
import html
import http.client
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Tuple


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    host: str
    port: int
    log: List[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def get(self, target: str, headers: Optional[Dict[str, str]] = None) -> Tuple[int, Dict[str, str], bytes]:
        """GET with ``target`` sent byte for byte as the request target (no normalisation)."""
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request("GET", target, headers=headers or {})
            res = conn.getresponse()
            return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read()
        finally:
            conn.close()


def _accepts(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def serve(argv_for_port, cwd: str, env: Optional[Dict[str, str]] = None, timeout: float = 60) -> Iterator[Server]:
    """Starts ``argv_for_port(port)`` and yields a :class:`Server` once it accepts connections."""
    for _attempt in range(3):
        port = free_port()
        logfile = tempfile.TemporaryFile()
        proc = subprocess.Popen(argv_for_port(port), cwd=cwd, env={**os.environ, **(env or {})},
                                stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while proc.poll() is None and not _accepts(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        if proc.poll() is None and _accepts(port):
            break
        _stop(proc)
        logfile.seek(0)
        output = logfile.read().decode("utf-8", "replace")
        if "already in use" not in output:
            raise RuntimeError(f"{argv_for_port(port)[0]} did not start:\n{output}")
    else:
        raise RuntimeError("no free port after 3 attempts")
    server = Server("127.0.0.1", port)
    try:
        yield server
    finally:
        _stop(proc)
        logfile.seek(0)
        server.log[:] = logfile.read().decode("utf-8", "replace").splitlines()
        logfile.close()


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def page_image_urls(body: str) -> List[str]:
    """Every URL of the ``src`` and ``srcset`` attributes of an HTML page."""
    urls = [html.unescape(u) for u in re.findall(r'\ssrc="([^"]+)"', body)]
    for srcset in re.findall(r'\ssrcset="([^"]+)"', body):
        # Entries are separated by a comma and white space (a URL may hold a comma, never a space).
        urls += [entry.strip().rsplit(" ", 1)[0] for entry in re.split(r",\s+", html.unescape(srcset))
                 if entry.strip()]
    return urls


def origin_form(url: str) -> str:
    """The request target a client sends for ``url``: its path and query."""
    after = url.index("://") + 3
    starts = [i for i in (url.find("/", after), url.find("?", after)) if i != -1]
    return url[min(starts):].split("#", 1)[0] if starts else "/"


def tampered(target: str) -> Sequence[str]:
    """Targets a signature must not cover: a changed param, path and signature."""
    path, _, query = target.partition("?")
    last = target[-1]
    return [
        path + "?" + query.replace("=", "=1", 1),
        path[:-1] + ("x" if path[-1] != "x" else "y") + "?" + query,
        target[:-1] + ("0" if last != "0" else "1"),
    ]
