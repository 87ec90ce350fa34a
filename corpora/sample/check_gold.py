#!/usr/bin/env python3
"""Check gold.jsonl against articles.jsonl; exit 1 on any problem.

    check_gold.py [--articles ARTICLES.jsonl --gold GOLD.jsonl] [--partial]

Checks: one gold record per article, exactly the documented keys, every annotated "text"
an exact substring of the article text (and, for boilerplate, a whole line; for the other
layers, found at least once outside boilerplate lines), enumerations and value formats,
and quotes delimited by quote marks (or running to the end of their paragraph when unclosed).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP_KEYS = {"id", "title", "published", "byline", "dateline", "boilerplate", "quotes",
            "quantities", "dates", "entities"}
BOILERPLATE_KINDS = {"paywall", "share", "related", "comments", "caption", "credit",
                     "navigation", "other"}
APPROX = {"exact", "at_least", "more_than", "nearly", "about", "at_most", "less_than", "range"}
EVENTS = {None, "killed", "injured", "abducted", "released", "held", "displaced"}
DATE_KINDS = {"absolute", "relative", "duration"}
ENTITY_TYPES = {"person", "organization", "place"}
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
OPENING = "\"“«„"
CLOSING = "\"”»“"

errors = []


def fail(doc, msg):
    errors.append(f"{doc}: {msg}")


def load(path):
    # A generated corpus has records with invalid bytes (which readers reject); their gold
    # is still checked, against the text with U+FFFD in place of the bad byte.
    with open(path, encoding="utf-8", errors="replace") as f:
        return [json.loads(line) for line in f]


def option(name, default):
    args = sys.argv[1:]
    return args[args.index(name) + 1] if name in args[:-1] else default


def body_without(text, lines):
    """The text with boilerplate lines blanked out (same length, so offsets agree)."""
    out = text
    for line in lines:
        for m in re.finditer(re.escape(line), text):
            start, end = m.start(), m.end()
            whole = (start == 0 or text[start - 1] == "\n") and (
                end == len(text) or text[end] == "\n")
            if whole:
                out = out[:start] + "\0" * (end - start) + out[end:]
    return out


def check_quote(doc, text, q):
    t = q["text"]
    for m in re.finditer(re.escape(t), text):
        start, end = m.start(), m.end()
        if start == 0 or text[start - 1] not in OPENING:
            continue
        if end < len(text) and text[end] in CLOSING:
            return
        if end == len(text) or text[end] == "\n":  # unclosed: runs to paragraph end
            return
    fail(doc, f"quote not delimited by quote marks: {t[:60]!r}")


def main():
    # --articles/--gold check another corpus (a generated one) instead of the sample.
    articles = {a["id"]: a for a in load(option("--articles", os.path.join(HERE, "articles.jsonl")))}
    gold = load(option("--gold", os.path.join(HERE, "gold.jsonl")))
    seen = set()
    for g in gold:
        doc = g.get("id")
        if set(g) != TOP_KEYS:
            fail(doc, f"keys {sorted(g)}")
            continue
        if doc not in articles or doc in seen:
            fail(doc, "unknown or duplicate id")
            continue
        seen.add(doc)
        art = articles[doc]
        text = art["text"]
        if g["title"] != art["title"]:
            fail(doc, "title differs from the record")
        if art["published"] and g["published"] != art["published"]:
            fail(doc, "published differs from the record")
        if g["published"] is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", g["published"]):
            fail(doc, f"bad published {g['published']!r}")
        for name in g["byline"]:
            if name not in text:
                fail(doc, f"byline name not in text: {name!r}")
        if g["dateline"] is not None and g["dateline"] not in text:
            fail(doc, f"dateline not in text: {g['dateline']!r}")
        lines = text.split("\n")
        for b in g["boilerplate"]:
            if b["text"] not in lines:
                fail(doc, f"boilerplate is not a whole line: {b['text']!r}")
            if b["kind"] not in BOILERPLATE_KINDS:
                fail(doc, f"bad boilerplate kind {b['kind']!r}")
        body = body_without(text, [b["text"] for b in g["boilerplate"]])
        for layer in ("quotes", "quantities", "dates", "entities"):
            texts = [item["text"] for item in g[layer]]
            for t in texts:
                if not t or t not in text:
                    fail(doc, f"{layer}: span not in text: {t!r}")
                elif t not in body:
                    fail(doc, f"{layer}: span only inside boilerplate: {t!r}")
            if layer != "entities" and len(set(texts)) != len(texts):
                fail(doc, f"{layer}: duplicate span")
        seen_entities = set()
        for e in g["entities"]:
            if (e["text"], e["type"]) in seen_entities:
                fail(doc, f"duplicate entity {e['text']!r}")
            seen_entities.add((e["text"], e["type"]))
            if e["type"] not in ENTITY_TYPES or not e["canonical"]:
                fail(doc, f"bad entity {e}")
        for q in g["quotes"]:
            if set(q) != {"text", "speaker", "verb", "partial"} or not isinstance(q["partial"], bool):
                fail(doc, f"bad quote {q}")
            check_quote(doc, text, q)
        for n in g["quantities"]:
            if set(n) != {"text", "value", "approx", "unit", "event"}:
                fail(doc, f"bad quantity {n}")
            if n["approx"] not in APPROX or n["event"] not in EVENTS:
                fail(doc, f"bad quantity enum {n}")
            if n["value"] is not None and not isinstance(n["value"], (int, float)):
                fail(doc, f"bad quantity value {n}")
        for d in g["dates"]:
            if set(d) != {"text", "value", "kind"} or d["kind"] not in DATE_KINDS:
                fail(doc, f"bad date {d}")
            if d["value"] is not None and not DATE_VALUE.match(d["value"]):
                fail(doc, f"bad date value {d}")
            if d["kind"] == "duration" and d["value"] is not None:
                fail(doc, f"duration with a value {d}")
    for doc in articles:
        if doc not in seen and "--partial" not in sys.argv[1:]:
            fail(doc, "no gold record")
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        sys.exit(1)
    print(f"gold ok: {len(gold)} articles")


if __name__ == "__main__":
    main()
