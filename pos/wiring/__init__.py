"""The composition root: the one place that builds the services and hands them their adapters.

`Store` (`pos.wiring.store`) is what the app, every `comptoir` command, docs/api.md and the
tests open; `pos.wiring.devices` and `pos.wiring.sync` give the services' ports their
adapters from `pos.hardware` and `pos.sync`; `pos.wiring.counter` hands the services to the
counter's screens (docs/architecture.md).
"""

from __future__ import annotations

from pos.wiring.store import Store, environment_options, shop_signer

__all__ = ["Store", "environment_options", "shop_signer"]
