"""Wix Stores sync: httpx client, pulls, and the outbox push (issue 5)."""
