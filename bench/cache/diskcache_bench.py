#!/usr/bin/python3
"""Baseline for the cache benchmark: python-diskcache used the way the original module used it.

Each library is stored as ONE pickled value (a list of item dicts) under "library_items:<name>",
so every read unpickles the whole library; paging and file lookup happen in Python afterwards.

Usage: diskcache_bench.py '<job JSON>'   (see bench/cache/diskcache-side.ts for the fields)
Prints one JSON object on stdout: per operation, the timing samples in milliseconds.
"""

import json
import sqlite3
import sys
import time

import diskcache

SIZE_LIMIT_BYTES = 8 * 2**30  # far above any library here, so no eviction ever skews a sample


def measure(warmup, iterations, operation, verify):
    """Warm-up rounds, then timed rounds; `verify` runs outside the timed region on every round."""
    samples = []
    for round_ in range(warmup + iterations):
        started = time.perf_counter()
        result = operation(round_)
        elapsed_ms = (time.perf_counter() - started) * 1000
        verify(result, round_)
        if round_ >= warmup:
            samples.append(elapsed_ms)
        # Free the result here, untimed: otherwise rebinding `result` next round would free the
        # previous whole library inside that round's timed region.
        del result
    return samples


def find_by_file_name(cache, key, file_name):
    """Get the library and scan it, collecting every item with a file of that name.

    All matches are collected (not just the first) because that is what the TypeScript cache
    returns, and file names can repeat across items.
    """
    wanted = file_name.lower()
    matches = []
    for item in cache.get(key) or []:
        for file in item["files"]:
            if file["path"].rsplit("/", 1)[-1].lower() == wanted:
                matches.append(item)
                break
    return matches


def check(condition, message):
    # A benchmark of an operation that returns the wrong answer is worthless: stop loudly.
    if not condition:
        raise SystemExit(f"diskcache sanity check failed: {message}")


def run(job, items):
    key = f"library_items:{job['library']}"
    missing_key = f"library_items:{job['missingLibrary']}"
    offsets, targets, page_size = job["pageOffsets"], job["findTargets"], job["pageSize"]

    def rating_keys(some_items):
        return [item["ratingKey"] for item in some_items]

    def verify_page(page, round_):
        offset = offsets[round_ % len(offsets)]
        expected = items[offset : offset + page_size]
        check(rating_keys(page) == rating_keys(expected), f"page at offset {offset}")

    def verify_find(found, round_):
        target = targets[round_ % len(targets)]
        found_keys = sorted(rating_keys(found))
        check(found_keys == sorted(target["expectedRatingKeys"]), f"find {target['fileName']!r}: {found_keys}")

    with diskcache.Cache(job["cacheDir"], size_limit=SIZE_LIMIT_BYTES) as cache:

        def timed(operation_name, operation, verify):
            return measure(job["warmup"], job["iterations"][operation_name], operation, verify)

        # A dict display evaluates in order: set first, so every later operation has data to read.
        return {
            "set": timed(
                "set",
                lambda _: cache.set(key, items),
                lambda stored, _: check(stored, "set returned False"),
            ),
            "get": timed(
                "get",
                lambda _: cache.get(key),
                lambda library, _: check(library is not None and len(library) == len(items), "get count"),
            ),
            "page": timed(
                "page",
                lambda round_: page_of(cache.get(key), offsets[round_ % len(offsets)], page_size),
                verify_page,
            ),
            "find": timed(
                "find",
                lambda round_: find_by_file_name(cache, key, targets[round_ % len(targets)]["fileName"]),
                verify_find,
            ),
            "miss": timed(
                "miss",
                lambda _: cache.get(missing_key),
                lambda value, _: check(value is None, "a key never stored returned a value"),
            ),
        }


def page_of(library, offset, page_size):
    """Get + slice: all diskcache can do, since the library is one pickled value."""
    return (library or [])[offset : offset + page_size]


def main():
    job = json.loads(sys.argv[1])
    with open(job["datasetPath"], encoding="utf-8") as dataset:
        items = json.load(dataset)
    samples = run(job, items)
    versions = {
        "python": sys.version.split()[0],
        "diskcache": diskcache.__version__,
        "sqlite": sqlite3.sqlite_version,
    }
    json.dump({"versions": versions, "samplesMs": samples}, sys.stdout)


if __name__ == "__main__":
    main()
