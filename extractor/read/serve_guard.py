"""Who may talk to the endpoint: the Host allow-list, the Origin check and CORS.

A server on 127.0.0.1 is still reachable from every web page its user opens: a page can
send it queries (each one may burn a core and a gigabyte) and, by DNS rebinding (its own
name made to resolve to 127.0.0.1), even read the answers. Three checks close that:

- **Host allow-list**: a rebound page's requests carry the attacker's name in ``Host``,
  so only the loopback names (and the bound address, when it is an IP literal) are
  served, plus the names given with ``serve --allow-host`` (E186, 403);
- **Origin**: browsers send ``Origin`` on every POST and every script request that
  could read an answer; one that is neither the endpoint's own origin nor one given with
  ``serve --cors-origin`` is refused (E187, 403) before a query runs;
- **Fetch Metadata**: requests a page makes without ``Origin`` (an image, a no-cors
  fetch, a frame) still carry ``Sec-Fetch-Site``; a cross-site one is refused too unless
  it is the user's own top-level navigation (a link followed to the endpoint).

No ``Access-Control-*`` header is ever sent unless ``--cors-origin`` names the origin.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import Message

from extractor.errors import PlangraphError, error

__all__ = ["LOOPBACK", "Guard"]

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")
ANY_ORIGIN = "*"
_FOREIGN_SITES = ("cross-site", "same-site")  # same-site: another port on localhost


def _bare_name(host: str) -> str:
    """A host without its port, IPv6 literals keeping their brackets.

    >>> _bare_name("[::1]:7878"), _bare_name("Example.org:80"), _bare_name("localhost")
    ('[::1]', 'example.org', 'localhost')
    """
    host = host.strip().lower()
    if host.startswith("["):
        return host[:host.index("]") + 1] if "]" in host else host
    return host.split(":", 1)[0]


def _address_name(address: str) -> str | None:
    """The Host name of a bound IP literal (``[...]`` for IPv6); None for a wildcard or a
    name (a name could be rebound, an address cannot)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    if ip.is_unspecified:
        return None
    return f"[{ip}]" if ip.version == 6 else str(ip)


@dataclass(frozen=True)
class Guard:
    """The Host values and origins one server accepts (lower-case, as sent by clients)."""

    hosts: frozenset[str]
    origins: frozenset[str]

    @classmethod
    def build(cls, address: str, port: int, allow_hosts: Iterable[str] = (),
              cors_origins: Iterable[str] = ()) -> Guard:
        """Accept each allowed name with the bound port or none; ``name:port`` exactly.

        >>> guard = Guard.build("127.0.0.1", 7878, ["plans.example"])
        >>> sorted(h for h in guard.hosts if h.startswith("plans"))
        ['plans.example', 'plans.example:7878']
        >>> "evil.example:7878" in guard.hosts
        False
        """
        names = [*LOOPBACK, *filter(None, [_address_name(address)])]
        hosts: set[str] = set()
        for entry in [*names, *(h.strip().lower() for h in allow_hosts)]:
            hosts.add(entry)
            if entry == _bare_name(entry):  # no port given: the server's own
                hosts.add(f"{entry}:{port}")
        origins = frozenset(o.strip().rstrip("/").lower() for o in cors_origins)
        return cls(frozenset(hosts), origins)

    def cors_allows(self, origin: str | None) -> bool:
        """True when ``--cors-origin`` names this origin (or ``*``)."""
        return origin is not None and (
            ANY_ORIGIN in self.origins or origin.strip().lower() in self.origins)

    def _same_origin(self, origin: str, host: str) -> bool:
        return origin.strip().lower() in (f"http://{host}", f"https://{host}")

    def refusal(self, headers: Message) -> PlangraphError | None:
        """The error that refuses this request (wrong Host, foreign page), or None."""
        host = (headers.get("Host") or "").strip().lower()
        if host not in self.hosts:
            allowed = ", ".join(sorted(h for h in self.hosts if h == _bare_name(h)))
            return error("E186", host=host or "(none)", allowed=allowed)
        origin = headers.get("Origin")
        if origin is not None:
            if self._same_origin(origin, host) or self.cors_allows(origin):
                return None
            return error("E187", origin=origin)
        site = (headers.get("Sec-Fetch-Site") or "").lower()
        navigation = (headers.get("Sec-Fetch-Mode") or "").lower() == "navigate" and \
            (headers.get("Sec-Fetch-Dest") or "document").lower() == "document"
        if site in _FOREIGN_SITES and not navigation:
            return error("E187", origin=f"a {site} page (Sec-Fetch-Site)")
        return None

    def cors_headers(self, headers: Message) -> list[tuple[str, str]]:
        """Access-Control headers for an allowed cross-origin request; none otherwise."""
        origin = headers.get("Origin")
        if not self.cors_allows(origin):
            return []
        assert origin is not None  # cors_allows is False for a missing Origin
        return [("Access-Control-Allow-Origin",
                 ANY_ORIGIN if ANY_ORIGIN in self.origins else origin.strip()),
                ("Access-Control-Expose-Headers", "X-Result-Truncated, Link")]

    def vary(self) -> str:
        """The Vary header: answers depend on Accept, and on Origin when CORS is on."""
        return "Accept, Origin" if self.origins else "Accept"
