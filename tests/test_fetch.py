"""claims.fetch against a local http.server the tests start, and the address rules.

Only 127.0.0.1 is ever connected to. Refused addresses (10.0.0.1,
169.254.169.254, ...) are refused before any connection is made, which the
tests check by the error message and, for the redirect case, by the fact that
no connection could have succeeded anyway.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from claims import fetch as fetch_module
from claims.fetch import MAX_REDIRECTS, fetch, format_size, is_public_address
from claims.model import ClaimsError

# 20 MB of zeros gzip to about 20 KB: a small download that expands past the cap.
GZIP_BOMB = gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9)
LOCAL = ["127.0.0.1"]  # allow just the test server, so that other private addresses stay refused

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


def send(request, status=200, body=b"", content_type="text/plain; charset=utf-8", **headers):
    request.send_response(status)
    if content_type:
        request.send_header("Content-Type", content_type)
    for name, value in headers.items():
        request.send_header(name.replace("_", "-"), value)
    if "Content_Length" not in headers:
        request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


def redirect(to: str) -> Handler:
    return lambda r: send(r, 302, b"", Location=to)


def slow_headers(r):
    time.sleep(1.5)
    send(r, 200, b"too late")


def stalls_mid_body(r):
    r.send_response(200)
    r.send_header("Content-Type", "text/plain")
    r.send_header("Content-Length", "100000")
    r.end_headers()
    r.wfile.write(b"a" * 1000)
    r.wfile.flush()
    time.sleep(1.5)


def unlimited_body(r):
    # No Content-Length: the body ends when the connection closes, so only
    # counting while streaming can enforce the cap.
    r.send_response(200)
    r.send_header("Content-Type", "text/plain")
    r.send_header("Connection", "close")
    r.end_headers()
    for _ in range(50):
        r.wfile.write(b"x" * 10_000)
    r.close_connection = True


ROUTES: dict[str, Handler] = {
    "/plain": lambda r: send(r, 200, b"Unemployment fell to 3.5 percent in March."),
    "/latin1": lambda r: send(
        r, 200, "Caf\u00e9 prices rose 4 percent.".encode("latin-1"), "text/plain; charset=latin-1"
    ),
    "/page": lambda r: send(
        r, 200, b"<html><body><p>Hello 5 percent</p></body></html>", "text/html"
    ),
    "/echo-host": lambda r: send(r, 200, r.headers["Host"].encode()),
    "/hop": redirect("/plain"),
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private": redirect("http://10.0.0.1/admin"),
    "/to-file": redirect("file:///etc/passwd"),
    "/big": lambda r: send(r, 200, b"a" * 5000),
    "/unlimited": unlimited_body,
    "/bomb": lambda r: send(r, 200, GZIP_BOMB, Content_Encoding="gzip"),
    "/small-gzip": lambda r: send(
        r, 200, gzip.compress(b"Payrolls rose by 236,000."), Content_Encoding="gzip"
    ),
    "/pdf": lambda r: send(r, 200, b"%PDF-1.7", "application/pdf"),
    "/no-type": lambda r: send(r, 200, b"hello", None),
    "/error": lambda r: send(r, 500, b"oops"),
    "/missing": lambda r: send(r, 404, b"nope"),
    "/slow": slow_headers,
    "/stall": stalls_mid_body,
}
for n in range(MAX_REDIRECTS + 2):
    ROUTES[f"/chain/{n}"] = redirect(f"/chain/{n + 1}")


SEEN: list[str] = []  # every path the test server was asked for


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        SEEN.append(self.path)
        handler = ROUTES.get(self.path)
        if handler is None:
            send(self, 404, b"no route")
        else:
            # The client may give up first, as it should on a timeout or a cap.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                handler(self)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True  # a sleeping handler must not hold up shutdown
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def refused(url: str, **kwargs) -> str:
    with pytest.raises(ClaimsError) as caught:
        fetch(url, **kwargs)
    return str(caught.value)


# ---------------------------------------------------------------- fetching what is allowed


def test_fetches_plain_text_from_the_local_server(server):
    page = fetch(f"{server}/plain", allow_private=True)
    assert page.text == "Unemployment fell to 3.5 percent in March."
    assert page.content_type == "text/plain"
    assert page.url == f"{server}/plain"
    assert page.headers["Content-Type"] == "text/plain; charset=utf-8"


def test_decodes_the_declared_charset(server):
    assert fetch(f"{server}/latin1", allow_private=True).text == "Café prices rose 4 percent."


def test_html_is_returned_as_html(server):
    page = fetch(f"{server}/page", allow_private=LOCAL)
    assert page.is_html and "<p>Hello 5 percent</p>" in page.text


def test_gzip_bodies_are_decompressed(server):
    assert fetch(f"{server}/small-gzip", allow_private=LOCAL).text == "Payrolls rose by 236,000."


def test_follows_a_redirect_and_reports_the_final_url(server):
    page = fetch(f"{server}/hop", allow_private=LOCAL)
    assert page.url == f"{server}/plain"
    assert page.text.startswith("Unemployment fell")


def test_connects_to_the_checked_address_with_the_host_name_in_the_host_header(server, monkeypatch):
    port = server.rsplit(":", 1)[1]
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: ["127.0.0.1"])
    page = fetch(f"http://news.test:{port}/echo-host", allow_private=LOCAL)
    assert page.text == f"news.test:{port}"


# ---------------------------------------------------------------- refused addresses


def test_the_default_refuses_the_local_server_without_connecting(server):
    before = len(SEEN)
    message = refused(f"{server}/plain")
    assert "127.0.0.1 is not a public internet address" in message
    assert len(SEEN) == before  # refused before connecting


@pytest.mark.parametrize(
    "url, address",
    [
        ("http://127.0.0.1/", "127.0.0.1"),
        ("http://127.1.2.3:8080/x", "127.1.2.3"),
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://172.16.5.4/", "172.16.5.4"),
        ("http://192.168.1.1/", "192.168.1.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://0.0.0.0/", "0.0.0.0"),
        ("http://224.0.0.1/", "224.0.0.1"),
        ("http://240.0.0.1/", "240.0.0.1"),
        ("http://100.64.0.1/", "100.64.0.1"),
        ("http://[::1]/", "::1"),
        ("http://[fd00::1]/", "fd00::1"),
        ("http://[fe80::1]/", "fe80::1"),
        ("http://[ff02::1]/", "ff02::1"),
        ("http://[::]/", "::"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1"),
        ("http://[::ffff:169.254.169.254]/", "::ffff:169.254.169.254"),
    ],
)
def test_refuses_non_public_addresses(url, address):
    message = refused(url)
    assert message.startswith(f"Refused to fetch {url}")
    assert f"{address} is not a public internet address" in message


def test_a_host_name_resolving_to_loopback_is_refused():
    message = refused("http://localhost/")
    assert "localhost resolves to" in message and "not a public internet address" in message


def test_every_address_of_a_host_must_be_public(monkeypatch):
    # One public and one private answer: a client could be steered to the private one.
    monkeypatch.setattr(
        fetch_module, "resolve_host", lambda host, port: ["93.184.216.34", "10.1.2.3"]
    )
    message = refused("https://intranet.example/")
    assert "intranet.example resolves to 10.1.2.3" in message


def test_a_redirect_to_the_metadata_address_is_refused(server):
    message = refused(f"{server}/to-metadata", allow_private=LOCAL)
    assert "169.254.169.254 is not a public internet address" in message
    assert f"redirected from {server}/to-metadata" in message


def test_a_redirect_to_a_private_address_is_refused(server):
    assert "10.0.0.1 is not a public internet address" in refused(
        f"{server}/to-private", allow_private=LOCAL
    )


def test_a_redirect_to_another_scheme_is_refused(server):
    assert "only http:// and https://" in refused(f"{server}/to-file", allow_private=LOCAL)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/a.txt", "gopher://x/", "javascript:alert(1)"]
)
def test_only_http_and_https_are_fetched(url):
    assert "only http:// and https://" in refused(url)


def test_urls_with_credentials_are_refused():
    assert "user name or password" in refused("http://user:secret@example.com/")


def test_an_unknown_host_is_reported(monkeypatch):
    def not_found(host, port):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(fetch_module, "resolve_host", not_found)
    assert "the host 'no-such-host.example' was not found" in refused(
        "http://no-such-host.example/"
    )


@pytest.mark.parametrize(
    "address, public",
    [
        ("8.8.8.8", True),
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("169.254.169.254", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:8.8.8.8", True),
        ("64:ff9b::7f00:1", False),  # NAT64 form of 127.0.0.1
        ("2002:7f00:1::", False),  # 6to4 form of 127.0.0.1
        ("2001:db8::1", False),  # documentation range
        ("198.18.0.1", False),  # benchmarking range
    ],
)
def test_is_public_address(address, public):
    assert is_public_address(address) is public


# ---------------------------------------------------------------- bodies, types, failures


def test_a_body_over_the_cap_is_refused(server):
    message = refused(f"{server}/big", allow_private=LOCAL, max_bytes=1000)
    assert message == (
        f"Refused {server}/big: the page is larger than the limit of 1000 bytes "
        "(counted after decompression)."
    )


def test_a_body_without_length_is_capped_while_streaming(server):
    assert "larger than the limit of 100 KB" in refused(
        f"{server}/unlimited", allow_private=LOCAL, max_bytes=100 * 1024
    )


def test_a_compressed_body_that_expands_past_the_cap_is_refused(server):
    assert len(GZIP_BOMB) < 100_000  # small on the wire ...
    message = refused(f"{server}/bomb", allow_private=LOCAL)  # ... 20 MB against the 10 MB cap
    assert "larger than the limit of 10 MB (counted after decompression)" in message


def test_other_content_types_are_refused(server):
    message = refused(f"{server}/pdf", allow_private=LOCAL)
    assert message == (
        f"Refused {server}/pdf: it is application/pdf, not a web page or plain text "
        "(accepted: text/html, text/plain)."
    )
    assert "it is no content type" in refused(f"{server}/no-type", allow_private=LOCAL)


def test_a_server_error_is_reported(server):
    assert refused(f"{server}/error", allow_private=LOCAL) == (
        f"Cannot fetch {server}/error: the server answered HTTP 500 Internal Server Error."
    )
    assert "HTTP 404 Not Found" in refused(f"{server}/missing", allow_private=LOCAL)


def test_a_redirect_loop_is_reported(server):
    assert refused(f"{server}/loop-a", allow_private=LOCAL) == (
        f"Cannot fetch {server}/loop-a: it redirects in a loop (back to {server}/loop-a)."
    )


def test_too_many_redirects_are_reported(server):
    assert refused(f"{server}/chain/0", allow_private=LOCAL) == (
        f"Cannot fetch {server}/chain/0: more than {MAX_REDIRECTS} redirects."
    )


def test_a_server_that_does_not_answer_times_out(server):
    message = refused(f"{server}/slow", allow_private=LOCAL, timeout=(1, 0.3))
    assert message == f"Cannot fetch {server}/slow: the server did not answer within 0.3 s."


def test_a_server_that_stops_sending_times_out(server):
    message = refused(f"{server}/stall", allow_private=LOCAL, timeout=(1, 0.3))
    assert message == f"Cannot fetch {server}/stall: the server stopped sending for 0.3 s."


def test_a_closed_port_is_reported():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = refused(f"http://127.0.0.1:{port}/", allow_private=LOCAL)
    assert message.startswith(f"Cannot fetch http://127.0.0.1:{port}/: could not connect")


def test_format_size():
    assert [format_size(n) for n in (512, 2048, 1536, 10 * 1048576, 1572864)] == [
        "512 bytes",
        "2 KB",
        "1.5 KB",
        "10 MB",
        "1.5 MB",
    ]
