"""A small static file server for the built site, on the loopback interface.

The site must work both at the root of a host and under a sub-path (a district
publishes it as a section of its government site, e.g. /zt/yinglie/). `serve`
mounts a folder at `mount` and answers 404 everywhere else, so a link that
escapes the mount fails in the browser test just as it would on the real host.
"""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


class _MountedHandler(SimpleHTTPRequestHandler):
    mount = "/"
    headers_sent_always: dict[str, str] = {}  # e.g. the Content-Security-Policy a web server adds

    def end_headers(self):
        for name, value in self.headers_sent_always.items():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.mount):
            return str(Path(self.directory) / ".outside-the-mount")  # does not exist: 404
        return super().translate_path("/" + clean[len(self.mount):])

    def list_directory(self, path):  # a folder without index.html is not a page
        self.send_error(404, "No index.html here")
        return None

    def send_error(self, code, message=None, explain=None):
        """Answer a missing page with the site's 404.html, as a web server set up for it does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test output quiet
        pass


@contextmanager
def serve(folder: Path, mount: str = "/", headers: dict[str, str] | None = None):
    """Serve `folder` at http://127.0.0.1:<free port><mount>; yields that base URL.

    `headers` are sent with every response, as a web server configured for the site does."""
    if not (mount.startswith("/") and mount.endswith("/")):
        raise ValueError("mount must start and end with /")
    handler_class = type("Handler", (_MountedHandler,), {"mount": mount, "headers_sent_always": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()
