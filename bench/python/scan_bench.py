#!/usr/bin/env python3
"""Python scan throughput against C++ on the same 1 MiB documents.

Runs match_bench's BM_match_literals_1mib_documents/1000 (Google Benchmark,
CPU time), which also writes its text and 1,000 literals to the temp
directory, then scans the same 1 MiB slices through the `wirespeed` module,
timing this thread's CPU time as Google Benchmark does (a shared machine's
wall time mostly measures the neighbours). Prints both figures and the ratio.

  PYTHONPATH=build/release/python /usr/bin/python3 bench/python/scan_bench.py \\
      build/release/bench/match_bench
"""
import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import wirespeed

BENCHMARK = "BM_match_literals_1mib_documents/1000"
DOCUMENT_BYTES = 1 << 20


def cpp_bytes_per_second(match_bench, repetitions):
    out = subprocess.run(
        [match_bench, f"--benchmark_filter=^{BENCHMARK}$", "--benchmark_format=json",
         f"--benchmark_repetitions={repetitions}", "--benchmark_report_aggregates_only=true"],
        check=True, capture_output=True, text=True).stdout
    for row in json.loads(out)["benchmarks"]:
        if row.get("aggregate_name") == "median":
            return row["bytes_per_second"]
    raise SystemExit(f"no median row for {BENCHMARK} in match_bench's output")


def python_bytes_per_second(text, patterns, repetitions):
    patterns_set = wirespeed.PatternSet()
    for literal in patterns:
        patterns_set.add_literal(literal)
    db = patterns_set.compile()
    documents = [text[at:at + DOCUMENT_BYTES]
                 for at in range(0, len(text) - DOCUMENT_BYTES + 1, DOCUMENT_BYTES)]
    rates = []
    for _ in range(repetitions):
        started = time.thread_time()
        for document in documents:
            db.scan(document)
        rates.append(len(documents) * DOCUMENT_BYTES / (time.thread_time() - started))
    return statistics.median(rates), sum(len(db.scan(d)) for d in documents[:1])


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("match_bench", help="path of the built bench/match_bench")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()

    cpp = cpp_bytes_per_second(args.match_bench, args.repetitions)
    temp = Path(tempfile.gettempdir())
    text = (temp / "wirespeed_bench_news.txt").read_bytes()
    patterns = (temp / "wirespeed_bench_literals_1000.txt").read_text().splitlines()
    py, matches = python_bytes_per_second(text, patterns, args.repetitions)
    print(f"1 MiB documents, {len(patterns)} literals, {matches} matches per document")
    print(f"C++    {cpp / 1e6:8.1f} MB/s (match_bench {BENCHMARK}, median)")
    print(f"Python {py / 1e6:8.1f} MB/s (wirespeed.Database.scan on bytes, median)")
    print(f"Python / C++ = {py / cpp:.2f}")


if __name__ == "__main__":
    main()
