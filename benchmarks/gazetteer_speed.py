"""Gazetteer speed: building the index once, and looking names up afterwards.

    python benchmarks/gazetteer_speed.py

Builds a fresh index in a temporary folder (as a first run does), then times
``Gazetteer.resolve`` over common conflict place names, cold (the per-process memo cleared
before every lookup, so each one reads SQLite) and warm.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from graphbuild.gazetteer import Gazetteer

NAMES = ["Hajin", "Aleppo", "Kandahar", "Tripoli", "Idlib", "Beirut", "Mogadishu", "Kunduz", "Sanaa",
         "Marib", "Maiduguri", "Goma", "Deir ez-Zor", "Hodeidah", "Mosul", "Kidal", "Gao", "Beni",
         "Bakhmut", "Donetsk"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.sqlite"
        start = time.perf_counter()
        Gazetteer.build(path)
        built = time.perf_counter() - start
        gazetteer = Gazetteer(path)
        rounds = 50
        start = time.perf_counter()
        for _ in range(rounds):
            for name in NAMES:
                gazetteer._memo.clear()
                gazetteer.resolve(name, ("SY",))
        cold = (time.perf_counter() - start) / (rounds * len(NAMES))
        start = time.perf_counter()
        for _ in range(rounds):
            for name in NAMES:
                gazetteer.resolve(name, ("SY",))
        warm = (time.perf_counter() - start) / (rounds * len(NAMES))
        gazetteer.close()
    print(f"index build: {built:.1f} s")
    print(f"lookup: {cold * 1000:.3f} ms cold, {warm * 1000:.4f} ms warm "
          f"({rounds * len(NAMES)} lookups each)")


if __name__ == "__main__":
    main()
