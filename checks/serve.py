"""Serve a built site on 127.0.0.1 for the gates that need HTTP (links, browser)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # the gates report what matters; access logs are noise

    def end_headers(self) -> None:
        # LinkChecker spaces its requests 0.1-0.6 s apart unless the server says
        # it is one of LinkChecker's own (linkchecker issue #778); this server
        # exists only for our checks, so it says so. A 300-page crawl: 98 s of
        # waiting gone.
        self.send_header("LinkChecker", "trustdocs check server")
        super().end_headers()

    def handle(self) -> None:
        # A browser that navigates away mid-download closes the socket; that is
        # normal for the accessibility gate and no reason for a traceback.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on an ephemeral loopback port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
