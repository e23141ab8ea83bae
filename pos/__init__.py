"""Comptoir: the returns desk of a shop that sells on Wix Stores."""

__version__ = "0.1.0"
