#!/usr/bin/env python3
"""bench/report.py on a small hand-written result: the ratios in the Markdown table are the
ones worked out by hand below, skipped peers say why, and the HTML holds five PNG charts
inline (no external file)."""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def bench(name, bps):
    return {"name": name + "_median", "run_name": name, "aggregate_name": "median",
            "bytes_per_second": bps}


RESULT = {
    "schema": "wirespeed-bench/1", "created": "2026-11-23T03:00:00+00:00",
    "fingerprint": {"host": "box", "cpu": {"model": "Test CPU", "logical_cpus": 2, "caches": [
        {"level": 1, "type": "Data", "size": "32K", "shared_cpus": "0"}]},
        "isa": {"available": ["scalar", "sse4_2", "avx2"], "used": "avx2"},
        "compiler": {"version": "c++ 12", "flags": "-O3"}, "git": {"commit": "0123456789abcdef"},
        "load_average": [1.0, 1.0, 1.0]},
    "corpus": {"name": "news-16M", "bytes": 16777302, "sha256": "5622b9e773e3" + "0" * 52},
    "suites": {
        "tokenize_bench": {"benchmarks": [
            bench("BM_tokenize_news/avx2", 400e6), bench("BM_tokenize_news/scalar", 100e6),
            bench("BM_tokenize_news/icu", 40e6), bench("BM_tokenize_news/re2", 80e6)]},
        "match_bench": {"benchmarks": [
            bench("BM_match_literals_all/1000", 900e6), bench("BM_match_literals_re2_set/1000", 300e6),
            bench("BM_match_literals_all/10", 2000e6), bench("BM_match_literals_re2_set/10", 1000e6)]},
        "extract_bench": {"benchmarks": [bench("BM_extract_all", 50e6)]},
    },
    "cli": [{"stage": "extract", "threads": 1, "bytes_per_second": 40e6},
            {"stage": "extract", "threads": 2, "bytes_per_second": 75e6},
            {"stage": "extract vs slowest stage", "tool": "--stats", "threads": 2,
             "input": "news-16M.jsonl.zst", "seconds": 0.6, "cpu_seconds": 1.1,
             "stages": {"read": 0.02, "decompress": 0.01, "process": 1.0, "write": 0.01,
                        "tokenise": 0.2, "scan": 0.3, "extract": 0.4, "format": 0.09},
             "slowest_stage": "process", "slowest_stage_seconds": 0.5,
             "end_to_end_over_slowest_stage": 1.2},
            {"stage": "extract scaling", "threads": 1, "bytes": 1006685400,
             "input": "news-16M x 60", "seconds": 20.0, "bytes_per_second": 50e6,
             "rounds": [{"seconds": 20.0}, {"seconds": 21.0}, {"seconds": 19.0}]},
            {"stage": "extract scaling", "threads": 2, "bytes": 1006685400,
             "input": "news-16M x 60", "seconds": 11.0, "bytes_per_second": 92e6,
             "rounds": [{"seconds": 11.0}, {"seconds": 11.5}, {"seconds": 10.5}]}],
    "peers": [
        {"peer": "tokenizers", "task": "tokenize", "skipped": "not packaged for Debian"},
        {"peer": "wink-tokenizer", "version": "5.3.0", "task": "tokenize", "bytes_per_second": 2e6,
         "agreement": {"tokens_vs_wirespeed": {"f1": 0.875}}},
        {"peer": "chrono-node", "version": "2.10.3", "task": "dates", "bytes_per_second": 0.5e6,
         "agreement": {"dates_vs_gold": {"f1": 0.25}}},
    ],
}


class report_test(unittest.TestCase):
    def test_ratios_charts_and_skips(self):
        with tempfile.TemporaryDirectory() as work:
            result = os.path.join(work, "r.json")
            with open(result, "w") as f:
                json.dump(RESULT, f)
            page, md = os.path.join(work, "r.html"), os.path.join(work, "r.md")
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "report.py"), result,
                            "-o", page, "--markdown", md], check=True)
            with open(md) as f:
                table = f.read()
            with open(page) as f:
                document = f.read()
        rows = {tuple(c.strip() for c in line.split("|")[1:-1]) for line in table.splitlines()
                if line.startswith("| ") and not line.startswith("| task")}
        # 400 / 40 = 10, 400 / 80 = 5, 900 / 300 = 3, 400 / 2 = 200, 50 / 0.5 = 100.
        self.assertIn(("tokenize", "`BM_tokenize_news/avx2`", "400.0", "ICU BreakIterator", "40.0",
                       "10.0x", ""), rows)
        self.assertIn(("tokenize", "`BM_tokenize_news/avx2`", "400.0", "RE2 token regex", "80.0",
                       "5.0x", ""), rows)
        self.assertIn(("match 1,000 literals", "`BM_match_literals_all/1000`", "900.0", "RE2::Set",
                       "300.0", "3.0x", ""), rows)
        self.assertIn(("tokenize", "`BM_tokenize_news/avx2`", "400.0",
                       "wink-tokenizer 5.3.0 (tokenize)", "2.0", "200.0x",
                       "tokens vs wirespeed F1 0.88"), rows)
        self.assertIn(("dates", "`BM_extract_all`", "50.0", "chrono-node 2.10.3 (dates)", "0.500",
                       "100.0x", "dates vs gold F1 0.25"), rows)
        self.assertIn(("tokenize", "", "", "tokenizers", "skipped", "", "not packaged for Debian"), rows)
        # 0.6 s end to end over 0.5 s of process per worker (1.0 s over 2 threads) = 1.2.
        self.assertIn("Pipeline: `extract` end-to-end on news-16M.jsonl.zst with 2 threads took "
                      "0.60 s, 1.20x its slowest stage (process, 0.50 s; goal at most 1.5x). "
                      "Stage seconds (summed over threads): read 0.02, decompress 0.01, "
                      "process 1.00, write 0.01, tokenise 0.20, scan 0.30, extract 0.40, "
                      "format 0.09.", table)
        # 92 / 50 = 1.84.
        self.assertIn("Scaling: `extract` on 1.01 GB (news-16M x 60): 1 thread 50.0 MB/s, "
                      "2 threads 92.0 MB/s (1.84x); medians of 3 alternated rounds (goal: "
                      "2 threads at least 1.8x one).", table)
        images = re.findall(r"src='data:image/png;base64,([^']+)'", document)
        self.assertEqual(len(images), 5)
        for data in images:
            self.assertTrue(base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n"))
        self.assertNotRegex(document, r"(src|href)=['\"](?!data:)")


if __name__ == "__main__":
    unittest.main(verbosity=2)
