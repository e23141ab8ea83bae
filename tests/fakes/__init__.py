"""Fakes of the outside world for tests: the Wix REST API (`tests.fakes.wix`)."""
