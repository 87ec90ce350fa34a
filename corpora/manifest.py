#!/usr/bin/env python3
"""Write MANIFEST.tsv (name, origin, bytes, sha256) for the files kept in corpora/.

Run after changing anything here; `python3 manifest.py --check` exits 1 when the
committed manifest does not match the files.
"""
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGIN = "written for wirespeed (CC0)"
SKIP = {"MANIFEST.tsv"}


def files():
    for root, dirs, names in os.walk(HERE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            rel = os.path.relpath(os.path.join(root, name), HERE)
            if rel not in SKIP:
                yield rel


def main():
    lines = ["name\torigin\tbytes\tsha256\n"]
    for rel in sorted(files()):
        with open(os.path.join(HERE, rel), "rb") as f:
            data = f.read()
        lines.append(f"{rel}\t{ORIGIN}\t{len(data)}\t{hashlib.sha256(data).hexdigest()}\n")
    content = "".join(lines)
    path = os.path.join(HERE, "MANIFEST.tsv")
    if "--check" in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            if f.read() != content:
                sys.exit("MANIFEST.tsv is out of date, run corpora/manifest.py")
        return
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)


if __name__ == "__main__":
    main()
