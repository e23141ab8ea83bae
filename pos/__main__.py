"""Allow `python -m pos`."""

from pos.cli import main

raise SystemExit(main())
