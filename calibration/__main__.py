"""``python -m calibration``: the calibration without the builder (reads a built bundle)."""

from .cli import main

raise SystemExit(main())
