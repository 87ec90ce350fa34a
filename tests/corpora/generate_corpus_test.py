#!/usr/bin/env python3
"""Tests of tools/generate_corpus.py: determinism, size, formats, invalid-byte rate, the
phenomena the issue asks for, and gold that an independent checker accepts.

    generate_corpus_test.py [WIRESPEED_CLI]

With the CLI path, also runs `wirespeed eval --gold` on a generated corpus and requires
sane scores. Exit 1 on any failure; every check prints what it saw.
"""
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = os.path.join(ROOT, "tools", "generate_corpus.py")
CHECK_GOLD = os.path.join(ROOT, "corpora", "sample", "check_gold.py")
CLI = sys.argv.pop(1) if len(sys.argv) > 1 else None
WORK = tempfile.mkdtemp(prefix="wirespeed-gen-")
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve"]


def generate(name, *args):
    out = os.path.join(WORK, name)
    done = subprocess.run([sys.executable, GENERATOR, out, *args], check=True,
                          capture_output=True, text=True)
    return out, json.loads(done.stdout)


def records(path):
    """(record or None for a line that is not valid UTF-8, raw line)."""
    out = []
    with open(path, "rb") as f:
        for line in f:
            try:
                out.append(json.loads(line.decode("utf-8")))
            except UnicodeDecodeError:
                out.append(None)
    return out


def gold_of(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


class generator_test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.jsonl, cls.summary = generate("a.jsonl", "--size", "2M", "--seed", "7", "--gold",
                                          os.path.join(WORK, "a.gold.jsonl"),
                                          "--invalid-rate", "0.02")
        cls.gold = gold_of(os.path.join(WORK, "a.gold.jsonl"))
        cls.records = records(cls.jsonl)

    def test_same_seed_same_bytes_other_seed_other_bytes(self):
        again, summary = generate("b.jsonl", "--size", "2M", "--seed", "7", "--invalid-rate", "0.02")
        with open(self.jsonl, "rb") as a, open(again, "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertEqual(summary["sha256"], self.summary["sha256"])
        _, other = generate("c.jsonl", "--size", "2M", "--seed", "8")
        self.assertNotEqual(other["sha256"], self.summary["sha256"])

    def test_size_is_reached_and_not_overshot_by_more_than_one_document(self):
        size = os.path.getsize(self.jsonl)
        self.assertEqual(size, self.summary["bytes"])
        self.assertGreaterEqual(size, 2 << 20)
        self.assertLess(size, (2 << 20) + 16384)
        small, summary = generate("small.jsonl", "--size", "1K")
        self.assertEqual(summary["documents"], 1)

    def test_zst_holds_the_same_records(self):
        if not shutil.which("zstd"):
            self.skipTest("zstd command not installed")
        packed, summary = generate("a.jsonl.zst", "--size", "2M", "--seed", "7",
                                   "--invalid-rate", "0.02")
        plain = subprocess.run(["zstd", "-dc", packed], check=True, capture_output=True).stdout
        with open(self.jsonl, "rb") as f:
            self.assertEqual(plain, f.read())
        self.assertEqual(summary["sha256"], self.summary["sha256"])

    def test_invalid_documents_at_the_requested_rate(self):
        bad = sum(r is None for r in self.records)
        self.assertEqual(bad, self.summary["invalid_documents"])
        # 2% of about 1,900 documents: 38 expected; a binomial stays well inside this.
        self.assertTrue(15 <= bad <= 70, bad)
        clean, summary = generate("clean.jsonl", "--size", "1M", "--invalid-rate", "0")
        self.assertEqual(summary["invalid_documents"], 0)
        self.assertNotIn(None, records(clean))

    def test_gold_passes_the_sample_checker(self):
        done = subprocess.run([sys.executable, CHECK_GOLD, "--articles", self.jsonl, "--gold",
                               os.path.join(WORK, "a.gold.jsonl")], capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr[:2000])

    def test_one_gold_record_per_document_in_order(self):
        with open(self.jsonl, "rb") as f:
            ids = [json.loads(line.decode("utf-8", "replace"))["id"] for line in f]
        self.assertEqual([g["id"] for g in self.gold], ids)

    def test_same_story_from_several_outlets_with_different_figures(self):
        by_story = {}
        for r in filter(None, self.records):
            by_story.setdefault(r["id"].split("-")[0], []).append(r)
        shared = [docs for docs in by_story.values() if len(docs) > 1]
        self.assertGreater(len(shared), len(by_story) // 4)
        differ = 0
        for docs in shared:
            sources = {d["source"] for d in docs}
            self.assertEqual(len(sources), len(docs))  # one article per outlet
            figures = {tuple(re.findall(r"\d[\d,]*", d["text"].split("\n\n", 4)[-1])[:1])
                       for d in docs}
            differ += len(figures) > 1
        self.assertGreater(differ, len(shared) // 3)

    def test_phenomena_are_present(self):
        kinds = {b["kind"] for g in self.gold for b in g["boilerplate"]}
        self.assertEqual(kinds, {"paywall", "share", "related", "comments", "caption", "credit",
                                 "navigation", "other"})
        quotes = [q for g in self.gold for q in g["quotes"]]
        self.assertTrue(any("\n\n" in q["text"] for q in quotes), "multi-paragraph quote")
        self.assertTrue(any(q["partial"] for q in quotes), "partial quote")
        self.assertTrue(any(q["speaker"] is None for q in quotes), "unnamed source")
        self.assertTrue(any(q["verb"] is None for q in quotes), "continued quote")
        self.assertTrue(any(re.search("[\u0400-\u04ff]", q["text"]) for q in quotes), "Cyrillic")
        self.assertTrue(any(re.search("[\u0600-\u06ff]", q["text"]) for q in quotes), "Arabic")
        texts = [r["text"] for r in filter(None, self.records)]
        self.assertTrue(any('a "ghost" settlement' in t for t in texts), "scare quote")
        self.assertTrue(any(re.search(r'\d" deep', t) for t in texts), "inch mark")
        approx = {n["approx"] for g in self.gold for n in g["quantities"]}
        self.assertTrue({"exact", "at_least", "more_than", "nearly", "about", "at_most"} <= approx)
        dates = {d["kind"] for g in self.gold for d in g["dates"]}
        self.assertEqual(dates, {"absolute", "relative", "duration"})
        unpublished = sum(r["published"] == "" for r in filter(None, self.records))
        self.assertTrue(0.25 < unpublished / len(self.records) < 0.42, unpublished)

    def test_gold_values_agree_with_the_text(self):
        # Checked from the text alone, not with the generator's own helpers.
        for g in self.gold:
            published = g["published"] and datetime.date.fromisoformat(g["published"])
            for d in g["dates"]:
                if d["kind"] == "relative" and d["text"] in (
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
                    if published is None:
                        self.assertIsNone(d["value"], g["id"])
                        continue
                    day = datetime.date.fromisoformat(d["value"])
                    self.assertEqual(day.strftime("%A"), d["text"], g["id"])
                    # Past: the latest such day up to P; future: the earliest after P.
                    self.assertTrue(-7 < (day - published).days <= 7, g["id"])
            for n in g["quantities"]:
                number = re.search(r"[\d,]+|" + "|".join(NUMBER_WORDS), n["text"])
                if n["value"] is None:
                    self.assertRegex(n["text"], r"^(dozens|hundreds|thousands) of ")
                    continue
                written = number.group(0)
                value = (NUMBER_WORDS.index(written) if written in NUMBER_WORDS
                         else int(written.replace(",", "")))
                self.assertEqual(value, n["value"], (g["id"], n))
            for q in g["quotes"]:
                if q["speaker"] is not None:
                    self.assertIn(q["speaker"], {e["canonical"] for e in g["entities"]}, g["id"])

    def test_txt_tree_ids_are_paths_and_published_comes_from_the_text(self):
        tree, summary = generate("tree", "--size", "256K", "--gold", os.path.join(WORK, "t.gold"))
        gold = gold_of(os.path.join(WORK, "t.gold"))
        self.assertEqual(len(gold), summary["documents"])
        total = 0
        for g in gold:
            path = os.path.join(tree, g["id"])
            self.assertTrue(g["id"].endswith(".txt") and os.path.isfile(path), g["id"])
            with open(path, "rb") as f:
                data = f.read()
            total += len(data)
            text = data.decode("utf-8", "replace")
            self.assertEqual(text.split("\n", 1)[0], g["title"])
            # A .txt file has no published field: the date is the stated one or none.
            states = "\nPublished: " in text or re.search(r"\n[^\n]+ \| [^\n]*\d", text)
            self.assertEqual(g["published"] is not None, bool(states), g["id"])
        self.assertEqual(total, summary["bytes"])
        self.assertTrue(any(g["published"] is None for g in gold))

    @unittest.skipUnless(CLI, "no wirespeed binary given")
    def test_wirespeed_eval_scores_are_sane(self):
        corpus, _ = generate("eval.jsonl", "--size", "1M", "--seed", "3", "--gold",
                             os.path.join(WORK, "eval.gold"), "--invalid-rate", "0")
        done = subprocess.run([CLI, "eval", "--json", "-q", "--gold", os.path.join(WORK, "eval.gold"),
                               corpus], capture_output=True, text=True)
        self.assertEqual(done.returncode, 0, done.stderr)
        report = json.loads(done.stdout)
        print(json.dumps(report), file=sys.stderr)
        scores = report["fields"] if "fields" in report else report
        self.assertEqual(report["documents"], len(gold_of(os.path.join(WORK, "eval.gold"))))
        for field, minimum in (("title", 0.99), ("published", 0.6), ("byline", 0.5),
                               ("dateline", 0.5), ("boilerplate", 0.5), ("quotes", 0.5)):
            self.assertGreaterEqual(scores[field]["f1"], minimum, field)


if __name__ == "__main__":
    try:
        unittest.main(verbosity=2)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
