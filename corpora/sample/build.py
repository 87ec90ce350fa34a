#!/usr/bin/env python3
"""Build articles.jsonl (and gold.jsonl) of the sample corpus from their sources.

Sources, all hand-written for this project:
  txt/<id>.txt   title line, blank line, article text (paragraphs separated by blank lines)
  meta.tsv       id, source, url, published ("" when the record does not know the date)
  ann/<id>.tsv   hand annotations of the article, one per line (format below)

Output is deterministic (meta.tsv order, sorted keys never reordered, ensure_ascii=False),
so running this script on an unchanged tree reproduces the committed files byte for byte.
`python3 build.py --check` exits 1 when the committed files differ from a fresh build.

Annotation line format (TAB separated, "-" for null, "\\n" inside a text for a line break):
  published <TAB> YYYY-MM-DD          publication date stated in the text (record has none)
  byline    <TAB> name                one line per name, in order
  dateline  <TAB> text                as written, without the trailing dash or colon
  B <TAB> kind <TAB> line text        boilerplate line
  Q <TAB> speaker <TAB> verb <TAB> p|f <TAB> text      quote (p = partial)
  N <TAB> value <TAB> approx <TAB> unit <TAB> event <TAB> text   quantity
  D <TAB> value <TAB> kind <TAB> text                  date
  E <TAB> type <TAB> canonical <TAB> text              entity
Lines starting with "#" and empty lines are ignored.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_meta():
    rows = []
    with open(os.path.join(HERE, "meta.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["id", "source", "url", "published"], header
        for n, line in enumerate(f, start=2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4:
                sys.exit(f"meta.tsv:{n}: expected 4 fields, got {len(fields)}")
            rows.append(dict(zip(header, fields)))
    return rows


def read_article(meta):
    path = os.path.join(HERE, "txt", meta["id"] + ".txt")
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    title, sep, text = raw.partition("\n\n")
    if not sep or "\n" in title:
        sys.exit(f"{path}: expected a title line followed by a blank line")
    return {
        "id": meta["id"],
        "source": meta["source"],
        "url": meta["url"],
        "published": meta["published"],
        "title": title,
        "text": text.rstrip("\n"),
    }


def null(field):
    return None if field == "-" else field


def number(field):
    if field == "-":
        return None
    value = float(field)
    return int(value) if value.is_integer() and "." not in field else value


def read_gold(article):
    path = os.path.join(HERE, "ann", article["id"] + ".tsv")
    gold = {
        "id": article["id"],
        "title": article["title"],
        "published": article["published"] or None,
        "byline": [],
        "dateline": None,
        "boilerplate": [],
        "quotes": [],
        "quantities": [],
        "dates": [],
        "entities": [],
    }
    if not os.path.exists(path):
        sys.exit(f"{path}: missing annotations")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            tag, *rest = line.split("\t")
            where = f"{path}:{n}"
            text = rest[-1].replace("\\n", "\n") if rest else ""
            try:
                if tag == "published":
                    if article["published"] and article["published"] != rest[0]:
                        sys.exit(f"{where}: record says {article['published']}")
                    gold["published"] = rest[0]
                elif tag == "byline":
                    gold["byline"].append(rest[0])
                elif tag == "dateline":
                    gold["dateline"] = rest[0]
                elif tag == "B":
                    kind, _ = rest
                    gold["boilerplate"].append({"text": text, "kind": kind})
                elif tag == "Q":
                    speaker, verb, partial, _ = rest
                    assert partial in ("p", "f")
                    gold["quotes"].append(
                        {"text": text, "speaker": null(speaker), "verb": null(verb),
                         "partial": partial == "p"})
                elif tag == "N":
                    value, approx, unit, event, _ = rest
                    gold["quantities"].append(
                        {"text": text, "value": number(value), "approx": approx,
                         "unit": null(unit), "event": null(event)})
                elif tag == "D":
                    value, kind, _ = rest
                    gold["dates"].append({"text": text, "value": null(value), "kind": kind})
                elif tag == "E":
                    etype, canonical, _ = rest
                    gold["entities"].append({"text": text, "type": etype, "canonical": canonical})
                else:
                    sys.exit(f"{where}: unknown tag {tag!r}")
            except (ValueError, AssertionError):
                sys.exit(f"{where}: malformed line: {line!r}")
    return gold


def dump(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main():
    check = "--check" in sys.argv[1:]
    # --partial: gold only for the articles annotated so far (while annotating).
    partial = "--partial" in sys.argv[1:]
    articles = [read_article(m) for m in read_meta()]
    outputs = {"articles.jsonl": dump(articles)}
    annotated = [a for a in articles
                 if not partial or os.path.exists(os.path.join(HERE, "ann", a["id"] + ".tsv"))]
    outputs["gold.jsonl"] = dump(read_gold(a) for a in annotated)
    stale = []
    for name, content in outputs.items():
        path = os.path.join(HERE, name)
        if check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != content:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(content)
    if stale:
        sys.exit("out of date, run build.py: " + ", ".join(stale))


if __name__ == "__main__":
    main()
