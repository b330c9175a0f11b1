"""client_ip(): REMOTE_ADDR unless we run trusted proxies, then the entry the nearest trusted one wrote."""

import pytest
from django.test import RequestFactory

from thidua.client_ip import client_ip

pytestmark = pytest.mark.unit

PROXY = "10.0.0.2"  # nginx, as gunicorn sees it
CLIENT = "203.0.113.7"
FORGED = "198.51.100.99"


def request_from(remote_addr: str = PROXY, forwarded_for: str | None = None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_a_spoofed_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_from(CLIENT, forwarded_for=FORGED)) == CLIENT


def test_one_trusted_proxy_gives_the_address_it_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from(PROXY, forwarded_for=CLIENT)) == CLIENT


def test_one_trusted_proxy_ignores_what_the_client_put_before_it(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from(PROXY, forwarded_for=f"{FORGED}, {CLIENT}")) == CLIENT


def test_two_trusted_proxies_skip_the_inner_one(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_from(PROXY, forwarded_for=f"{FORGED},{CLIENT}, 10.0.0.3")) == CLIENT


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_from(PROXY, forwarded_for=CLIENT)) == PROXY


def test_a_missing_header_behind_a_trusted_proxy_gives_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from(PROXY)) == PROXY


def test_an_entry_that_is_not_an_address_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from(PROXY, forwarded_for="unknown")) == PROXY


def test_ipv6_is_normalised(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_from(PROXY, forwarded_for="2001:DB8:0:0::1")) == "2001:db8::1"


def test_no_request_no_address():
    assert client_ip(None) is None


def test_empty_remote_addr_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_from("")) is None
