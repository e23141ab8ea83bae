"""A fake Wix REST API (wix-api.md) served over loopback for the sync tests: `FakeWix`."""

from tests.fakes.wix.server import FakeWix, LoggedRequest, RequestLog

__all__ = ["FakeWix", "LoggedRequest", "RequestLog"]
