#!/usr/bin/env python3
"""Write MANIFEST.tsv (name, origin, bytes, sha256): every file kept in corpora/, every
generated corpus a benchmark uses (origin: the generator command), and the external
corpora the benchmarks read when present (origin: where they come from), so that runs on
two machines can show they processed the same bytes.

    manifest.py                      rewrite MANIFEST.tsv
    manifest.py --check              exit 1 when MANIFEST.tsv does not match the files, or
                                     when the generator does not reproduce its bytes here
    manifest.py --materialize NAME DIR
                                     generate corpus NAME (and its gold and .zst) into DIR
                                     unless already there, check its sha256 against the
                                     manifest, print its summary (JSON) for bench/run.sh

External corpora are hashed as trees: sha256 over "relative-path NUL sha256-of-file LF"
for every file in sorted order; their bytes are the sum of the file sizes. When one is
absent here its row is kept as it was.
"""
import hashlib
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORIGIN = "written for wirespeed (CC0)"
SKIP = {"MANIFEST.tsv"}
GENERATOR = "tools/generate_corpus.py"
# name -> generator arguments. news-16M is what bench/run.sh reads; news-1M keeps the
# CTest check fast.
GENERATED = {"news-1M": ["--size", "1M", "--seed", "1"],
             "news-16M": ["--size", "16M", "--seed", "1"]}
SHARED = os.environ.get("WIRESPEED_CORPORA") or os.path.join(ROOT, "..", "shared", "corpora")
EXTERNAL = {
    "bbc-fulltext": "BBC full text (Greene & Cunningham, ICML 2006) via github.com/dejanbatanjac/"
                    "bbc-article-classify-bert@8265dc8; research use; bench news_text() when "
                    "WIRESPEED_BENCH_CORPUS is unset",
    "reuters21578": "Reuters-21578 Distribution 1.0 via github.com/Arthur-sauvage/Reuter@d0a779d; "
                    "research use; match bench pattern sets",
    "saudinewsnet-ar": "SaudiNewsNet via github.com/parallelfold/SaudiNewsNet@4e39239; "
                       "CC BY-NC-SA 4.0; tokenize bench arabic input",
}


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def local_rows():
    for root, dirs, names in os.walk(HERE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(root, name), HERE)
            if rel not in SKIP:
                path = os.path.join(HERE, rel)
                yield rel, ORIGIN, os.path.getsize(path), sha256_file(path)


def generator_command(name, out, gold):
    return [sys.executable, os.path.join(ROOT, GENERATOR), *GENERATED[name], "--gold", gold, out]


def generate(name, directory):
    """Runs the generator; its summary (sha256 of the JSONL and of the gold)."""
    out = os.path.join(directory, f"{name}.jsonl")
    gold = os.path.join(directory, f"{name}.gold.jsonl")
    done = subprocess.run(generator_command(name, out, gold), check=True, capture_output=True,
                          text=True)
    summary = json.loads(done.stdout)
    summary.update(name=name, path=out, gold=gold)
    return summary


def generated_rows(directory):
    for name in GENERATED:
        s = generate(name, directory)
        command = f"python3 {GENERATOR} {' '.join(GENERATED[name])} --gold {name}.gold.jsonl"
        yield f"generated/{name}.jsonl", f"{command} {name}.jsonl", s["bytes"], s["sha256"]
        yield (f"generated/{name}.gold.jsonl", f"gold of generated/{name}.jsonl (same command)",
               os.path.getsize(s["gold"]), s["gold_sha256"])


def external_rows(previous):
    for name, origin in EXTERNAL.items():
        root = os.path.join(SHARED, name)
        if not os.path.isdir(root):
            if f"shared/{name}" in previous:
                yield previous[f"shared/{name}"]
            continue
        tree = hashlib.sha256()
        size = 0
        files = sorted(os.path.relpath(os.path.join(d, n), root)
                       for d, _, names in os.walk(root) for n in names)
        for rel in files:
            path = os.path.join(root, rel)
            size += os.path.getsize(path)
            tree.update(f"{rel}\0{sha256_file(path)}\n".encode())
        yield f"shared/{name}", origin, size, tree.hexdigest()


def read_manifest(path):
    rows = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f.read().splitlines()[1:]:
                fields = line.split("\t")
                rows[fields[0]] = (fields[0], fields[1], int(fields[2]), fields[3])
    return rows


def materialize(name, directory):
    os.makedirs(directory, exist_ok=True)
    want = read_manifest(os.path.join(HERE, "MANIFEST.tsv")).get(f"generated/{name}.jsonl")
    path = os.path.join(directory, f"{name}.jsonl")
    cached = os.path.join(directory, f"{name}.summary.cache")
    summary = None
    if os.path.exists(cached) and os.path.exists(path):
        with open(cached) as f:
            summary = json.load(f)
        # A corpus made by an older generator is made again.
        if os.path.getsize(path) != summary["bytes"] or (want and want[3] != summary["sha256"]):
            summary = None
    if summary is None:
        summary = generate(name, directory)
        subprocess.run(["zstd", "-q", "-f", "-3", path, "-o", path + ".zst"], check=True)
        with open(cached, "w") as f:
            json.dump(summary, f)
    summary["manifest_sha256"] = want[3] if want else None
    summary["matches_manifest"] = bool(want) and want[3] == summary["sha256"]
    summary["command"] = " ".join(["python3", GENERATOR, *GENERATED[name]])
    if not summary["matches_manifest"]:
        print(f"manifest: {name} here has sha256 {summary['sha256']}, the manifest says "
              f"{summary['manifest_sha256']}", file=sys.stderr)
    print(json.dumps(summary))


def main():
    path = os.path.join(HERE, "MANIFEST.tsv")
    if sys.argv[1:2] == ["--materialize"] and len(sys.argv) == 4 and sys.argv[2] in GENERATED:
        materialize(sys.argv[2], sys.argv[3])
        return
    previous = read_manifest(path)
    import tempfile
    with tempfile.TemporaryDirectory() as scratch:
        rows = sorted(local_rows()) + list(generated_rows(scratch)) + list(external_rows(previous))
    content = "name\torigin\tbytes\tsha256\n" + "".join(
        f"{name}\t{origin}\t{size}\t{digest}\n" for name, origin, size, digest in rows)
    if "--check" in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            if f.read() != content:
                sys.exit("MANIFEST.tsv is out of date (or the generator no longer reproduces "
                         "its corpora), run corpora/manifest.py")
        return
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)


if __name__ == "__main__":
    main()
