"""Hostile web servers, real ones on this machine: a page that trickles in, a body that is a
gzip bomb, and redirects to file:// or from a public address to a service on this machine."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
SECRET = b"I think the admin password hunter2 is underrated by most alignment researchers.\n"


class _Handler(BaseHTTPRequestHandler):
    asked: list[str]
    port: int

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        self.asked.append(self.path)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            getattr(self, "route_" + self.path.strip("/").replace("-", "_"))()

    def _headers(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def route_trickle(self) -> None:
        self._headers(200, {"Content-Type": "text/plain", "Content-Length": "100000"})
        for _ in range(100_000):  # a byte at a time, each well within the read timeout
            self.wfile.write(b"a")
            self.wfile.flush()
            time.sleep(0.2)

    def route_gzip_bomb(self) -> None:
        packer = zlib.compressobj(1, zlib.DEFLATED, 31)
        body = b"".join(packer.compress(b"\0" * (1 << 20)) for _ in range(200)) + packer.flush()  # 200 MB
        self._headers(
            200,
            {"Content-Type": "text/plain", "Content-Encoding": "gzip", "Content-Length": str(len(body))},
        )
        self.wfile.write(body)

    def route_to_file(self) -> None:
        self._headers(302, {"Location": "file:///etc/passwd", "Content-Length": "0"})

    def route_to_this_machine(self) -> None:
        self._headers(302, {"Location": f"http://127.0.0.1:{self.port}/secret", "Content-Length": "0"})

    def route_secret(self) -> None:
        self._headers(200, {"Content-Type": "text/plain", "Content-Length": str(len(SECRET))})
        self.wfile.write(SECRET)


@pytest.fixture
def server():
    """A server on every interface, so that it can be reached by a non-loopback address too."""
    asked: list[str] = []
    httpd = ThreadingHTTPServer(("0.0.0.0", 0), type("Handler", (_Handler,), {"asked": asked}))
    httpd.RequestHandlerClass.port = httpd.server_address[1]  # type: ignore[attr-defined]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], asked
    httpd.shutdown()
    httpd.server_close()


def _outward_address() -> str | None:
    """This machine's address on its network (no packet is sent), or None if it has only loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def extract(url: str, tmp_path: Path, timeout: str = "1") -> subprocess.CompletedProcess:
    """seedcards in its own process: a hang fails the test instead of stopping the suite."""
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "SEEDCARDS_CACHE": str(tmp_path / "cache"),
        "SEEDCARDS_HTTP_TIMEOUT": timeout,
    }
    return subprocess.run(
        [sys.executable, "-m", "seedcards", "extract", url], capture_output=True, text=True, timeout=90, env=env
    )


def test_a_page_that_trickles_in_is_stopped_at_its_deadline(server, tmp_path: Path) -> None:
    port, _ = server
    done = extract(f"http://127.0.0.1:{port}/trickle", tmp_path)
    assert done.returncode == 2 and "took more than 3 seconds to arrive" in done.stderr, done.stderr


def test_a_gzip_bomb_is_refused_at_the_size_limit(server, tmp_path: Path) -> None:
    port, _ = server
    done = extract(f"http://127.0.0.1:{port}/gzip-bomb", tmp_path, timeout="30")
    assert done.returncode == 2 and "is more than 16 MB" in done.stderr, done.stderr
    assert not list((tmp_path / "cache").rglob("gzip-bomb*"))


def test_a_redirect_to_a_file_is_refused(server, tmp_path: Path) -> None:
    port, _ = server
    done = extract(f"http://127.0.0.1:{port}/to-file", tmp_path)
    assert done.returncode == 2 and "redirects to file:///etc/passwd, which is not a web address" in done.stderr


def test_a_redirect_from_the_network_to_this_machine_is_not_followed(server, tmp_path: Path) -> None:
    port, asked = server
    outward = _outward_address()
    if outward is None:
        pytest.skip("this machine has no address but loopback")
    done = extract(f"http://{outward}:{port}/to-this-machine", tmp_path)
    assert done.returncode == 2 and f"redirects to http://127.0.0.1:{port}/secret" in done.stderr, done.stderr
    assert "/secret" not in asked
    # Asked for by name, the same service is read.
    done = extract(f"http://127.0.0.1:{port}/secret", tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("value", ["inf", "1e308", "nan", "-0", "0x10", "86401"])
def test_a_timeout_the_socket_cannot_take_is_one_line(value: str, tmp_path: Path) -> None:
    done = extract("http://127.0.0.1:9/post", tmp_path, timeout=value)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("error: SEEDCARDS_HTTP_TIMEOUT="), done.stderr
