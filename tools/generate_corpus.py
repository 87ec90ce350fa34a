#!/usr/bin/env python3
"""Deterministic synthetic news corpus with gold annotations, for benchmarks and
accuracy at scale.

    generate_corpus.py --size 64M --seed 1 OUT [--gold GOLD.jsonl] [--invalid-rate R]

OUT ending in .jsonl gives JSON Lines ({id, source, url, published, title, text}, as
corpora/sample/articles.jsonl), .jsonl.zst the same through the `zstd` command, anything
else a tree of .txt files (OUT/<outlet>/<shard>/<id>.txt: title line, blank line, text),
whose document ids are the paths below OUT, as `wirespeed` reads them. The gold file has
the format of corpora/sample/gold.jsonl (corpora/README.md), one record per document, so

    wirespeed eval --gold GOLD.jsonl OUT

scores the extractors on millions of documents. Same seed and size, same bytes on every
machine (Python's random.Random is specified); the summary printed on stdout gives the
sha256 of the uncompressed output (for .txt trees: of every "path NUL text" in writing
order) and of the gold, as corpora/MANIFEST.tsv records them.

Phenomena and their rates: the same story from 1-4 outlets with figures a few percent
apart (about half the stories have several outlets); 8 house styles of byline, dateline
and dates; quotes (full, continued, after a colon, partial, unnamed, over two paragraphs,
non-Latin with « » or “ ”), scare quotes and inch marks that are not quotes; hedged counts,
vague counts, durations; absolute and relative dates; paywall, share, related, comment,
caption, credit, navigation and other furniture in 8 languages; invalid UTF-8 (one stray
Latin-1 byte) in a fraction --invalid-rate of the documents (default 0.001), which readers
reject. A third of the JSONL records have no `published` field value.

Speed: about 7 MB of corpus (plus its gold) per CPU second, one core; 10 GB takes about
25 minutes. The output is streamed, so memory stays small at any size. The corpus is
more repetitive than real news (zstd -3 packs it about 9x, real news about 3x), so
decompression figures measured on it are optimistic.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpusgen import phrases  # noqa: E402
from corpusgen.story import draw_story, writer  # noqa: E402

INVALID_MARK = "\ue000".encode()
INVALID_BYTE = b"\xe9"  # Latin-1 e-acute: invalid as UTF-8 before a space


def parse_size(text):
    units = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    suffix = text[-1] if text and text[-1] in units else ""
    number = float(text[: len(text) - len(suffix)])
    return int(number * units[suffix])


def slug(name):
    return name.lower().replace(" ", "-")


def documents(seed, invalid_rate):
    """Endless (id, outlet, published-or-None, title, text, writer) in corpus order."""
    rng = random.Random(seed)
    number = 0
    while True:
        story = draw_story(rng, number)
        covering = rng.choices([1, 2, 3, 4], weights=[50, 25, 15, 10])[0]
        for outlet in rng.sample(phrases.OUTLETS, covering):
            w = writer(rng, story, outlet, rng.random() < invalid_rate)
            title, text = w.write()
            has_published = rng.random() >= 1 / 3
            doc_id = f"s{number:07d}-{slug(outlet[0])}"
            yield doc_id, outlet, w.pub.isoformat() if has_published else None, title, text, w
        number += 1


class output:
    """Where records go: a JSONL stream (maybe through zstd) or a .txt tree."""

    def __init__(self, path):
        self.path = path
        self.tree = not (path.endswith(".jsonl") or path.endswith(".jsonl.zst"))
        self.digest = hashlib.sha256()
        self.bytes = 0
        self.zstd = None
        if self.tree:
            os.makedirs(path, exist_ok=True)
        elif path.endswith(".zst"):
            self.file = open(path, "wb")
            self.zstd = subprocess.Popen(["zstd", "-q", "-3", "-c"], stdin=subprocess.PIPE,
                                         stdout=self.file)
            self.stream = self.zstd.stdin
        else:
            self.stream = self.file = open(path, "wb", buffering=1 << 20)

    def write(self, doc_id, outlet, published, title, text, shard):
        """Writes one document; returns the id a reader will give it."""
        if self.tree:
            rel = f"{slug(outlet[0])}/{shard:05d}/{doc_id}.txt"
            data = f"{title}\n\n{text}\n".encode().replace(INVALID_MARK, INVALID_BYTE)
            full = os.path.join(self.path, rel)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
            self.digest.update(rel.encode() + b"\0" + data)
            self.bytes += len(data)
            return rel
        record = {"id": doc_id, "source": outlet[0],
                  "url": f"https://{outlet[1]}/news/{doc_id}", "published": published or "",
                  "title": title, "text": text}
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode()
        line = line.replace(INVALID_MARK, INVALID_BYTE)
        self.stream.write(line)
        self.digest.update(line)
        self.bytes += len(line)
        return doc_id

    def close(self):
        if self.tree:
            return
        self.stream.close()
        if self.zstd and self.zstd.wait() != 0:
            sys.exit("generate_corpus: zstd failed")
        self.file.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="OUT.jsonl, OUT.jsonl.zst, or a directory for .txt files")
    parser.add_argument("--size", default="1M", help="at least this many bytes (K, M, G = 2^10..)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gold", help="write gold annotations (JSON Lines) here")
    parser.add_argument("--invalid-rate", type=float, default=0.001,
                        help="fraction of documents with an invalid UTF-8 byte (default 0.001)")
    args = parser.parse_args()
    target = parse_size(args.size)
    if not 0 <= args.invalid_rate <= 1 or target <= 0:
        parser.error("--size must be positive and --invalid-rate within [0, 1]")

    out = output(args.out)
    gold = open(args.gold, "wb", buffering=1 << 20) if args.gold else None
    gold_digest = hashlib.sha256()
    count = invalid = 0
    for doc_id, outlet, published, title, text, w in documents(args.seed, args.invalid_rate):
        if out.bytes >= target:
            break
        shard = count // 1000
        read_id = out.write(doc_id, outlet, None if out.tree else published, title, text, shard)
        invalid += w.invalid
        count += 1
        if gold:
            stated = w.stated_date.isoformat() if w.stated_date else None
            known = stated if out.tree else (published or stated)
            line = (json.dumps(w.gold(read_id, title, known), ensure_ascii=False) + "\n").encode()
            gold.write(line)
            gold_digest.update(line)
    out.close()
    if gold:
        gold.close()
    summary = {"documents": count, "invalid_documents": invalid, "bytes": out.bytes,
               "sha256": out.digest.hexdigest(), "seed": args.seed, "size": target}
    if gold:
        summary["gold_sha256"] = gold_digest.hexdigest()
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
