"""Gazetteer import at the scale of GeoNames' ``allCountries.txt``: peak memory and wall time.

    python benchmarks/gazetteer_import.py [--lines 12000000] [--keep]

Generates a dump of ``--lines`` rows in GeoNames' 19-column format (random names built from
syllables, some with diacritics and several alternate names, coordinates, the feature classes
and populations in roughly the proportions of the real dump) in a temporary folder, copies the
current gazetteer index beside it, and runs ``graphbuild gazetteer import`` on it in a child
process. Prints the child's wall time and peak memory (``resource.getrusage`` max RSS). The
generated files are deleted afterwards unless ``--keep``.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.gazetteer import Gazetteer

SYLLABLES = ["ka", "ra", "ba", "li", "mo", "tan", "zar", "dun", "pur", "gar", "abad", "kot", "wal", "ni",
             "sha", "qal", "ah", "el", "dé", "ko", "vka", "ovo", "sk", "ville", "burg", "ta", "ɣa", "ḩa"]
#: (feature class, feature code, weight): roughly the real dump's mix.
FEATURES = [("P", "PPL", 40), ("S", "BLDG", 12), ("S", "SCH", 6), ("H", "STM", 12), ("H", "LK", 6),
            ("T", "HLL", 8), ("T", "MT", 4), ("L", "AREA", 3), ("V", "FRST", 2), ("R", "RD", 1),
            ("A", "ADM2", 1), ("A", "ADM3", 3), ("U", "SMU", 1), ("P", "PPLX", 1)]
COUNTRIES = ["SY", "IQ", "AF", "PK", "IN", "NG", "CD", "ML", "SO", "YE", "UA", "MX", "BR", "US", "CN", "RU"]


def _name(rng: random.Random) -> str:
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(rng.choice((1, 1, 1, 2)))]
    return " ".join(w.capitalize() for w in words)


def generate(path: Path, lines: int, seed: int = 18) -> None:
    rng = random.Random(seed)
    kinds = [f"{c}\t{k}" for c, k, w in FEATURES for _ in range(w)]
    # names from a pool, as the real dump repeats names ("Mill Creek", "Kalan"); made once
    pool = [_name(rng) for _ in range(300_000)]
    ascii_pool = [n.encode("ascii", "ignore").decode() for n in pool]
    choice, random_ = rng.randrange, rng.random
    with open(path, "w", encoding="utf-8") as out:
        for n in range(lines):
            i = choice(len(pool))
            roll = random_()
            count = 0 if roll < 0.6 else rng.randint(1, 3) if roll < 0.85 else rng.randint(4, 12)
            alternates = ",".join(pool[choice(len(pool))] for _ in range(count))
            population = 0 if random_() < 0.8 else int(rng.paretovariate(1.2) * 300)
            out.write(f"{n + 1}\t{pool[i]}\t{ascii_pool[i]}\t{alternates}\t{random_() * 125 - 55:.5f}\t"
                      f"{random_() * 360 - 180:.5f}\t{kinds[choice(len(kinds))]}\t{COUNTRIES[choice(len(COUNTRIES))]}"
                      f"\t\t{choice(1, 31):02d}\t\t\t\t{population}\t\t{choice(3000)}\tAsia/Damascus\t2024-01-01\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=12_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated dump and index")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="graphbuild-import-bench-"))
    try:
        dump = folder / "allCountries.txt"
        start = time.perf_counter()
        generate(dump, args.lines)
        print(f"generated {args.lines:,} lines ({dump.stat().st_size / 1e9:.2f} GB) in "
              f"{time.perf_counter() - start:.0f} s: {dump}")
        index = Gazetteer().path
        shutil.copy(index, folder / index.name)
        env = dict(os.environ, GRAPHBUILD_CACHE=str(folder))
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "graphbuild", "gazetteer", "import", str(dump)], env=env,
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = usage.ru_maxrss / 1024  # kB on Linux
        print(done.stdout.strip() or done.stderr.strip())
        print(f"import: {wall / 60:.1f} min wall ({(usage.ru_utime + usage.ru_stime) / 60:.1f} min of CPU; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}), peak memory {peak:.0f} MB, "
              f"index {(folder / index.name).stat().st_size / 1e9:.2f} GB, exit code {done.returncode}")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
