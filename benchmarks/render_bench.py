"""Receipt render time: every layout, in ESC/POS bytes and in text, at 32/42/48 columns.

Usage: .venv/bin/python benchmarks/render_bench.py [--renders N] [--out PATH]. Prints JSON
and writes benchmarks/results/render.json. Each layout is rendered once untimed (Babel's
locale data and the printer profile are loaded then, as at the till's first receipt), then
N times; the target is p95 <= 5 ms per receipt. `escpos_cold` empties the text caches before
each render (a receipt whose amounts and words were never formatted before).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pos.hardware import receipt_text  # noqa: E402
from pos.hardware.receipt_render import render_escpos, render_text  # noqa: E402
from tests.hardware.test_receipt_render import LAYOUTS  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "render.json"
TARGET_MS = 5.0


def _times(render, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    render()
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        render()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _cold(receipt, columns: int) -> bytes:  # type: ignore[no-untyped-def]
    """A render with the text caches emptied: every amount and word formatted afresh."""
    receipt_text.printable.cache_clear()
    receipt_text._money.cache_clear()
    return render_escpos(receipt, columns=columns)


def _figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered), 3),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 3),
        "max_ms": round(ordered[-1], 3),
    }


def run(count: int) -> dict[str, object]:
    layouts: dict[str, object] = {}
    worst = 0.0
    for name, make in LAYOUTS.items():
        for language in ("fr", "en"):
            receipt = replace(make(), language=language)
            for columns in (32, 42, 48):
                escpos = _figures(
                    _times(lambda r=receipt, c=columns: render_escpos(r, columns=c), count)
                )
                cold = _figures(_times(lambda r=receipt, c=columns: _cold(r, c), count))
                text = _figures(
                    _times(lambda r=receipt, c=columns: render_text(r, columns=c), count)
                )
                layouts[f"{name}-{language}-{columns}"] = {
                    "escpos": escpos,
                    "escpos_cold": cold,
                    "text": text,
                }
                worst = max(worst, escpos["p95_ms"], cold["p95_ms"])
    return {
        "renders_per_layout": count,
        "target_ms": TARGET_MS,
        "worst_escpos_p95_ms": worst,
        "meets_target": worst <= TARGET_MS,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "layouts": layouts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=300)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    result = run(args.renders)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
