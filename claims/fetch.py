"""Fetch one web page for ingestion, safely.

A URL typed into the dashboard is fetched by the server, so a careless or
hostile address must not reach the machine's own services or the cloud
metadata endpoint (169.254.169.254). The rules:

- http and https only;
- the host is resolved here and *every* address it resolves to must be public
  (not loopback, private, link-local, multicast, reserved or unspecified, in
  IPv4, IPv6 and IPv4 embedded in IPv6); the connection then goes to the very
  address that was checked, so a DNS answer that changes between the check
  and the connection (DNS rebinding) cannot slip through;
- redirects are followed by hand, at most MAX_REDIRECTS, each hop re-checked;
- connect and read timeouts, and an overall deadline;
- the body is streamed and counted *after* decompression, so a small gzip
  body that expands past the cap is refused;
- only text/html and text/plain.

Why urllib3 rather than requests or httpx: it is already here (requests is
built on it), it is well kept, and its connection pools take the address to
connect to separately from the host name used for TLS verification and the
Host header, which is exactly what pinning the checked address needs.
Its streaming reader also bounds how much a compressed chunk may expand.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)

from claims.model import ClaimsError
from claims.textio import decode_bytes

MAX_REDIRECTS = 5
MAX_FETCH_BYTES = 10 * 1024 * 1024  # decompressed bytes of one page
DEFAULT_TIMEOUT = (5.0, 15.0)  # (connect, read) seconds
TOTAL_DEADLINE_SECONDS = 60.0  # a server dripping one byte per second stops here
ALLOWED_CONTENT_TYPES = ("text/html", "text/plain")
USER_AGENT = "claim-ledger/1.0 (+article ingestion for research)"
_CHUNK = 64 * 1024
_REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits; a gateway would
# turn 64:ff9b::7f00:1 into 127.0.0.1.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

AllowPrivate = bool | Iterable[str]


@dataclass
class FetchedPage:
    """What a fetch brings back: the final URL after redirects and the decoded body."""

    url: str
    content_type: str  # media type only, e.g. "text/html"
    text: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_html(self) -> bool:
        return self.content_type == "text/html"


# ---------------------------------------------------------------- addresses


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public_address(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True when `address` is a public unicast address that a fetch may reach."""
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped is not None:
        # ::ffff:a.b.c.d is the IPv4 address itself, seen through an IPv6 socket.
        return is_public_address(ip.ipv4_mapped)
    if ip.version == 6:
        inner = _embedded_ipv4(ip)
        if inner is not None and not is_public_address(inner):
            return False
    # is_global alone is nearly enough; the explicit list documents the intent
    # and guards against the ipaddress tables missing a range.
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (tests replace this to simulate DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # a host name resolves to IPv4 and IPv6 addresses, whose host part is a string
        address = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    return addresses


def _is_allowed(address: str, allow_private: AllowPrivate) -> bool:
    if is_public_address(address):
        return True
    if allow_private is True:
        return True
    if allow_private is False or allow_private is None:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(allowed, strict=False) for allowed in allow_private)


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def checked_addresses(url: str, host: str, port: int, allow_private: AllowPrivate) -> list[str]:
    """The addresses to connect to, or ClaimsError if any one of them is not allowed.

    Every address must pass: a name that resolves to one public and one
    private address could otherwise be steered to the private one.
    """
    try:
        addresses = resolve_host(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise ClaimsError(f"Cannot fetch {url}: the host {host!r} was not found ({exc}).") from None
    if not addresses:
        raise ClaimsError(f"Cannot fetch {url}: the host {host!r} has no address.")
    for address in addresses:
        if not _is_allowed(address, allow_private):
            where = address if _is_ip_literal(host) else f"{host} resolves to {address}, which"
            raise ClaimsError(
                f"Refused to fetch {url}: {where} is not a public internet address "
                "(loopback, private, link-local, multicast and reserved addresses are refused)."
            )
    return addresses


# ---------------------------------------------------------------- fetching


def _split_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an http(s) URL, or ClaimsError."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ClaimsError(f"{url!r} is not a valid URL: {exc}.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ClaimsError(f"Refused to fetch {url!r}: only http:// and https:// URLs are fetched.")
    host = parts.hostname
    if not host:
        raise ClaimsError(f"{url!r} is not a valid URL: it has no host.")
    if parts.username or parts.password:
        raise ClaimsError(f"Refused to fetch {url!r}: URLs with a user name or password.")
    port = port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port, path


def _host_header(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return shown if port == default else f"{shown}:{port}"


def _pool(scheme: str, address: str, port: int, host: str, timeout: urllib3.Timeout):
    if scheme == "https":
        # Connect to the checked address but verify the certificate (and send
        # SNI) for the host name the user gave.
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)


def _open(
    url: str,
    addresses: list[str],
    scheme: str,
    host: str,
    port: int,
    path: str,
    timeout: urllib3.Timeout,
) -> urllib3.BaseHTTPResponse:
    """Send the GET to the first checked address that accepts a connection."""
    headers = {
        "Host": _host_header(host, port, scheme),
        "User-Agent": USER_AGENT,
        "Accept": "text/html, text/plain;q=0.9",
        # Only encodings the reader decodes itself (and counts after decoding).
        "Accept-Encoding": "gzip, deflate",
    }
    last_error: Exception | None = None
    for address in addresses:
        pool = _pool(scheme, address, port, host, timeout)
        try:
            return pool.urlopen(
                "GET",
                path,
                headers=headers,
                redirect=False,
                preload_content=False,
                decode_content=True,
                assert_same_host=False,
            )
        except (ConnectTimeoutError, NewConnectionError) as exc:
            last_error = exc
            continue
        except ReadTimeoutError:
            raise ClaimsError(
                f"Cannot fetch {url}: the server did not answer within {timeout.read_timeout:g} s."
            ) from None
        except SSLError as exc:
            raise ClaimsError(f"Cannot fetch {url}: secure connection failed ({exc}).") from None
        except HTTPError as exc:
            raise ClaimsError(f"Cannot fetch {url}: {_describe(exc)}.") from None
    # NewConnectionError subclasses ConnectTimeoutError, so test it first.
    if isinstance(last_error, ConnectTimeoutError) and not isinstance(
        last_error, NewConnectionError
    ):
        raise ClaimsError(
            f"Cannot fetch {url}: connecting timed out after {timeout.connect_timeout:g} s."
        )
    raise ClaimsError(f"Cannot fetch {url}: could not connect ({_describe(last_error)}).")


def _describe(exc: Exception | None) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason).split(": ", 1)[-1] if reason else "unknown error"


def _media_type(response: urllib3.BaseHTTPResponse) -> tuple[str, str | None]:
    """('text/html', 'utf-8') from the Content-Type header (charset may be None)."""
    raw = response.headers.get("Content-Type", "")
    media, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _read_capped(
    response: urllib3.BaseHTTPResponse,
    url: str,
    max_bytes: int,
    deadline: float,
    read_timeout: float,
) -> bytes:
    """The decompressed body, or ClaimsError as soon as it passes max_bytes."""
    declared = response.headers.get("Content-Length", "")
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise ClaimsError(f"Cannot fetch {url}: unsupported content encoding {encoding!r}.")
    if (
        encoding in ("", "identity")
        and declared.isascii()
        and declared.isdigit()
        and int(declared) > max_bytes
    ):
        raise ClaimsError(_too_large(url, max_bytes))
    body = bytearray()
    try:
        for chunk in response.stream(_CHUNK, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise ClaimsError(_too_large(url, max_bytes))
            if time.monotonic() > deadline:
                raise ClaimsError(
                    f"Cannot fetch {url}: the download took longer than "
                    f"{TOTAL_DEADLINE_SECONDS:g} s."
                )
    except ReadTimeoutError:
        raise ClaimsError(
            f"Cannot fetch {url}: the server stopped sending for {read_timeout:g} s."
        ) from None
    except DecodeError:
        raise ClaimsError(f"Cannot fetch {url}: the compressed body is corrupt.") from None
    except HTTPError as exc:
        raise ClaimsError(
            f"Cannot fetch {url}: the download broke off ({_describe(exc)})."
        ) from None
    return bytes(body)


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"Refused {url}: the page is larger than the limit of {format_size(max_bytes)} "
        "(counted after decompression)."
    )


def format_size(n: int) -> str:
    """Bytes for a person: 10 MB, 1.5 MB, 200 KB, 512 bytes."""
    if n >= 1_048_576:
        return f"{n / 1_048_576:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def fetch(
    url: str,
    *,
    allow_private: AllowPrivate = False,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_FETCH_BYTES,
) -> FetchedPage:
    """GET an http(s) URL under the rules in this module's docstring.

    allow_private: False (the default, and the only safe value for anything a
    user typed) refuses every non-public address; True allows them all (tests
    against a local server); an iterable of addresses or networks such as
    ["127.0.0.1"] allows just those, so a test can still see a redirect to
    another private address refused.
    Raises ClaimsError with a message naming the URL and the problem.
    """
    connect_timeout, read_timeout = timeout
    pool_timeout = urllib3.Timeout(connect=connect_timeout, read=read_timeout)
    deadline = time.monotonic() + TOTAL_DEADLINE_SECONDS
    seen: list[str] = []
    current = url.strip()
    for _hop in range(MAX_REDIRECTS + 1):
        if current in seen:
            raise ClaimsError(f"Cannot fetch {url}: it redirects in a loop (back to {current}).")
        seen.append(current)
        try:
            scheme, host, port, path = _split_url(current)
            addresses = checked_addresses(current, host, port, allow_private)
        except ClaimsError as exc:
            if current == seen[0]:
                raise
            raise ClaimsError(f"{exc} (redirected from {url})") from None
        response = _open(current, addresses, scheme, host, port, path, pool_timeout)
        try:
            if response.status in _REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise ClaimsError(
                        f"Cannot fetch {current}: redirect {response.status} without a Location."
                    )
                current = urljoin(current, location.strip())
                continue
            return _page_from(response, current, max_bytes, deadline, read_timeout)
        finally:
            response.release_conn()
            response.close()
    raise ClaimsError(f"Cannot fetch {url}: more than {MAX_REDIRECTS} redirects.")


def _page_from(
    response: urllib3.BaseHTTPResponse,
    url: str,
    max_bytes: int,
    deadline: float,
    read_timeout: float,
) -> FetchedPage:
    if not 200 <= response.status < 300:
        reason = response.reason or ""
        raise ClaimsError(
            f"Cannot fetch {url}: the server answered HTTP {response.status} {reason}".rstrip()
            + "."
        )
    media, charset = _media_type(response)
    if media not in ALLOWED_CONTENT_TYPES:
        shown = media or "no content type"
        raise ClaimsError(
            f"Refused {url}: it is {shown}, not a web page or plain text "
            f"(accepted: {', '.join(ALLOWED_CONTENT_TYPES)})."
        )
    body = _read_capped(response, url, max_bytes, deadline, read_timeout)
    text = decode_bytes(body, url, declared=charset, html=media == "text/html")
    return FetchedPage(
        url=url, content_type=media, text=text, headers=dict(response.headers.items())
    )
