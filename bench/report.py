#!/usr/bin/env python3
"""Turns bench/run.sh result files (one per machine or commit) into one self-contained
HTML page with charts (matplotlib, PNG inlined) and a Markdown table for READMEs.

    report.py RESULT.json [RESULT.json...] [-o report.html] [--markdown report.md]

Charts: throughput per stage, per ISA level, against peers, against thread count and
against pattern count; every figure is the median of the run's repetitions, and every
ratio compares two numbers from the same result file (the same run).
"""
import argparse
import base64
import html
import io
import json
import os
import sys

STAGES = [  # (label, suite, benchmark run_name; {isa} is the ISA the run used)
    ("read JSONL", "io_bench", "BM_io_jsonl_reader"),
    ("write JSON", "io_bench", "BM_io_json_writer"),
    ("tokenize", "tokenize_bench", "BM_tokenize_news/{isa}"),
    ("match 1,000 literals", "match_bench", "BM_match_literals_all/1000"),
    ("match 10 regexes", "match_bench", "BM_match_regexes_all/10"),
    ("boilerplate", "extract_bench", "BM_extract_boilerplate"),
    ("metadata", "extract_bench", "BM_extract_metadata"),
    ("quotes", "extract_bench", "BM_extract_quotes"),
    ("extract (all)", "extract_bench", "BM_extract_all"),
]
# (task, wirespeed benchmark, peer label, peer benchmark) for in-suite peers.
SUITE_PEERS = [
    ("tokenize", "tokenize_bench", "BM_tokenize_news/{isa}", "ICU BreakIterator", "BM_tokenize_news/icu"),
    ("tokenize", "tokenize_bench", "BM_tokenize_news/{isa}", "RE2 token regex", "BM_tokenize_news/re2"),
    ("match 10 literals", "match_bench", "BM_match_literals_all/10", "RE2::Set", "BM_match_literals_re2_set/10"),
    ("match 10 literals", "match_bench", "BM_match_literals_all/10", "PCRE2 JIT", "BM_match_literals_pcre2_jit/10"),
    ("match 1,000 literals", "match_bench", "BM_match_literals_all/1000", "RE2::Set", "BM_match_literals_re2_set/1000"),
    ("match 1,000 literals", "match_bench", "BM_match_literals_all/1000", "PCRE2 JIT", "BM_match_literals_pcre2_jit/1000"),
    ("match 1,000 literals", "match_bench", "BM_match_literals_all/1000", "Aho-Corasick", "BM_match_literals_aho_corasick/1000"),
    ("match 1,000 literals", "match_bench", "BM_match_literals_all/1000", "Hyperscan alone", "BM_match_literals_hs_count_only/1000"),
    ("match 100,000 literals", "match_bench", "BM_match_literals_all/100000", "Hyperscan alone", "BM_match_literals_hs_count_only/100000"),
    ("match 10,000 literals", "match_bench", "BM_match_literals_all/10000", "RE2::Set", "BM_match_literals_re2_set/10000"),
    ("match 10,000 literals", "match_bench", "BM_match_literals_all/10000", "Aho-Corasick", "BM_match_literals_aho_corasick/10000"),
    ("match 10 regexes", "match_bench", "BM_match_regexes_all/10", "RE2::Set", "BM_match_regexes_re2_set/10"),
    ("match 10 regexes", "match_bench", "BM_match_regexes_all/10", "PCRE2 JIT", "BM_match_regexes_pcre2_jit/10"),
    ("grep 1,000 literals (process)", "match_bench", "BM_match_literals_wirespeed_process/1000/manual_time", "rg -F", "BM_match_literals_rg_process/1000/manual_time"),
    ("grep 1,000 literals (process)", "match_bench", "BM_match_literals_wirespeed_process/1000/manual_time", "grep -F", "BM_match_literals_grep_process/1000/manual_time"),
    ("grep 10,000 literals (process)", "match_bench", "BM_match_literals_wirespeed_process/10000/manual_time", "rg -F", "BM_match_literals_rg_process/10000/manual_time"),
    ("grep 10,000 literals (process)", "match_bench", "BM_match_literals_wirespeed_process/10000/manual_time", "grep -F", "BM_match_literals_grep_process/10000/manual_time"),
]
# npm peers: which wirespeed benchmark does comparable work, and what the peer does.
NODE_PEERS = {
    "wink-tokenizer": ("tokenize", "tokenize_bench", "BM_tokenize_news/{isa}"),
    "wink-nlp": ("tokenize + entities", "extract_bench", "BM_extract_all"),
    "chrono-node": ("dates", "extract_bench", "BM_extract_all"),
    "compromise": ("people, places, numbers", "extract_bench", "BM_extract_all"),
}


def medians(result):
    """{suite: {run_name: bytes_per_second}} from the median aggregates."""
    out = {}
    for suite, data in result.get("suites", {}).items():
        table = out.setdefault(suite, {})
        for b in data.get("benchmarks", []):
            if b.get("aggregate_name", "median") == "median" and "bytes_per_second" in b:
                table[b.get("run_name", b["name"])] = b["bytes_per_second"]
    return out


def isa_of(result):
    return result["fingerprint"]["isa"].get("used") or "scalar"


def label_of(result):
    f = result["fingerprint"]
    commit = (f["git"].get("commit") or "")[:8]
    return f"{f['cpu'].get('model') or f['host']} @{commit}"


def value(m, suite, name, isa):
    return m.get(suite, {}).get(name.format(isa=isa))


def comparisons(result):
    m, isa = medians(result), isa_of(result)
    rows = []
    for task, suite, ours, peer, theirs in SUITE_PEERS:
        a, b = value(m, suite, ours, isa), value(m, suite, theirs, isa)
        if a and b:
            rows.append({"task": task, "ours": ours.format(isa=isa), "ours_bps": a, "peer": peer,
                         "peer_bps": b, "ratio": a / b, "agreement": ""})
    for p in result.get("peers", []):
        name = p["peer"]
        if "skipped" in p:
            rows.append({"task": p.get("task", ""), "peer": name, "skipped": p["skipped"]})
            continue
        task, suite, ours = NODE_PEERS.get(name, (p.get("task"), None, None))
        a = value(m, suite, ours, isa) if suite else None
        agreement = []
        for key, score in (p.get("agreement") or {}).items():
            agreement.append(f"{key.replace('_', ' ')} F1 {score['f1']:.2f}")
        rows.append({"task": task, "ours": ours.format(isa=isa) if ours else "",
                     "ours_bps": a, "peer": f"{name} {p.get('version') or ''} ({p['task']})",
                     "peer_bps": p["bytes_per_second"], "ratio": a / p["bytes_per_second"] if a else None,
                     "agreement": "; ".join(agreement)})
    return rows


def mb(bps):
    if not bps:
        return "n/a"
    return f"{bps / 1e6:,.1f}" if bps >= 1e6 else f"{bps / 1e6:.3f}"


def markdown(results):
    lines = []
    for r in results:
        f = r["fingerprint"]
        lines.append(f"### {label_of(r)}: wirespeed vs peers (MB/s, medians of one run)\n")
        lines.append(f"{f['cpu'].get('logical_cpus')} CPUs, SIMD {f['isa'].get('used')}, "
                     f"corpus {r['corpus']['name']} ({r['corpus']['bytes']:,} bytes, sha256 "
                     f"{r['corpus']['sha256'][:12]}), load average {f['load_average'][0]:.1f}\n")
        lines.append("| task | wirespeed | MB/s | peer | MB/s | wirespeed / peer | agreement |")
        lines.append("|---|---|---:|---|---:|---:|---|")
        for c in comparisons(r):
            if "skipped" in c:
                lines.append(f"| {c['task']} | | | {c['peer']} | skipped | | {c['skipped']} |")
                continue
            ratio = f"{c['ratio']:,.1f}x" if c.get("ratio") else "n/a"
            lines.append(f"| {c['task']} | `{c['ours']}` | {mb(c['ours_bps'])} | {c['peer']} | "
                         f"{mb(c['peer_bps'])} | {ratio} | {c['agreement']} |")
        lines.append("\nIn-process figures are bytes per CPU second (Google Benchmark's default; "
                     "npm peers measured the same way with process.cpuUsage()), on the same text "
                     "for the C++ peers and on the first documents of the same corpus for the npm "
                     "peers; `(process)` rows are wall time of whole commands. Against the npm "
                     "extraction peers the wirespeed figure is `extract all` (every extractor: "
                     "boilerplate, metadata, quotes, quantities, dates, entities), which is not "
                     "the same work: read those ratios as "
                     "orders of magnitude, and the agreement column as each peer's own accuracy.")
        lines.extend(pipeline_lines(r))
        e = r.get("eval") or {}
        if "fields" in e or "boilerplate" in e:
            fields = e.get("fields", e)
            scored = ", ".join(f"{k} {v['f1']:.2f}" for k, v in fields.items()
                               if isinstance(v, dict) and "f1" in v)
            lines.append(f"\nAccuracy on the generated gold ({e.get('documents', '?')} documents), "
                         f"F1: {scored}\n")
    return "\n".join(lines) + "\n"


def pipeline_lines(result):
    """The extract pipeline against its slowest stage, from one --stats run (goal: <= 1.5x),
    and its scaling over threads on the >= 1 GB corpus (goal: 2 threads >= 1.8x one)."""
    out = []
    scaling = {c["threads"]: c for c in result.get("cli", []) if c.get("stage") == "extract scaling"}
    if 1 in scaling:
        one = scaling[1]
        speeds = ", ".join(f"{n} thread{'s' if n > 1 else ''} {mb(c['bytes_per_second'])} MB/s"
                           + (f" ({c['bytes_per_second'] / one['bytes_per_second']:.2f}x)"
                              if n > 1 else "")
                           for n, c in sorted(scaling.items()))
        out.append(f"\nScaling: `extract` on {one['bytes'] / 1e9:.2f} GB ({one['input']}): "
                   f"{speeds}; medians of {len(one['rounds'])} alternated rounds (goal: 2 threads "
                   f"at least 1.8x one).\n")
    for c in result.get("cli", []):
        if c.get("stage") != "extract vs slowest stage" or not c.get("end_to_end_over_slowest_stage"):
            continue
        stages = ", ".join(f"{k} {v:.2f}" for k, v in c["stages"].items())
        out.append(f"\nPipeline: `extract` end-to-end on {c['input']} with {c['threads']} threads "
                   f"took {c['seconds']:.2f} s, {c['end_to_end_over_slowest_stage']:.2f}x its "
                   f"slowest stage ({c['slowest_stage']}, {c['slowest_stage_seconds']:.2f} s; "
                   f"goal at most 1.5x). Stage seconds (summed over threads): {stages}.\n")
    return out


# -- charts -------------------------------------------------------------------------------
def figure_png(draw):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=100)
    draw(ax)
    ax.grid(axis="x" if ax.get_xlabel().endswith("MB/s") else "y", alpha=0.3)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def grouped_barh(ax, labels, series, xlabel, log=False):
    """series: [(name, [value or None per label])]."""
    height = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series):
        ys = [y + i * height for y in range(len(labels))]
        ax.barh(ys, [v or 0 for v in values], height=height, label=name)
        for y, v in zip(ys, values):
            if v:
                ax.text(v, y, f" {v:,.0f}" if v >= 10 else f" {v:.2g}", va="center", fontsize=7)
    ax.set_yticks([y + height * (len(series) - 1) / 2 for y in range(len(labels))])
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    if log:
        ax.set_xscale("log")
    if len(series) > 1:
        ax.legend(fontsize=7)


def charts(results):
    out = []
    ms = [medians(r) for r in results]
    names = [label_of(r) for r in results]

    def per_stage(ax):
        labels = [s[0] for s in STAGES]
        series = [(n, [(value(m, s[1], s[2], isa_of(r)) or 0) / 1e6 for s in STAGES])
                  for n, m, r in zip(names, ms, results)]
        grouped_barh(ax, labels, series, "MB/s")
        ax.set_title("Throughput per stage (in process, one thread)")
    out.append(("Per stage", figure_png(per_stage)))

    def per_isa(ax):
        levels = ["scalar", "sse4_2", "avx2", "avx512bw", "neon64"]
        inputs = ["news", "arabic", "ascii"]
        labels, series = [], []
        for n, m in zip(names, ms):
            have = [lv for lv in levels if any(f"BM_tokenize_{i}/{lv}" in m.get("tokenize_bench", {})
                                               for i in inputs)]
            labels = have if len(have) > len(labels) else labels
        for n, m in zip(names, ms):
            for i in inputs:
                series.append((f"{i}" + (f" ({n})" if len(names) > 1 else ""),
                               [(m.get("tokenize_bench", {}).get(f"BM_tokenize_{i}/{lv}") or 0) / 1e6
                                for lv in labels]))
        grouped_barh(ax, labels, series, "MB/s")
        ax.set_title("Tokenizer per ISA level")
    out.append(("Per ISA level", figure_png(per_isa)))

    def vs_peers(ax):
        rows = [c for c in comparisons(results[0]) if "skipped" not in c]
        labels = [f"{c['task']}: {c['peer']}" for c in rows]
        grouped_barh(ax, labels, [("wirespeed", [c["ours_bps"] / 1e6 if c["ours_bps"] else None for c in rows]),
                                  ("peer", [c["peer_bps"] / 1e6 for c in rows])],
                     "MB/s (log scale)", log=True)
        ax.set_title(f"Against peers, same run ({names[0]})")
    out.append(("Against peers", figure_png(vs_peers)))

    def vs_threads(ax):
        for n, r in zip(names, results):
            for stage in ("tokenize", "extract", "extract scaling"):
                pts = sorted((c["threads"], c["bytes_per_second"] / 1e6) for c in r.get("cli", [])
                             if c["stage"] == stage and "tool" not in c)
                if pts:
                    ax.plot(*zip(*pts), marker="o", label=f"wirespeed {stage}" +
                            (f" ({n})" if len(names) > 1 else ""))
        counts = sorted({c["threads"] for r in results for c in r.get("cli", [])})
        if counts:
            ax.set_xticks(counts)
        ax.set_xlabel("threads (--threads)")
        ax.set_ylabel("MB/s (whole command, file to /dev/null)")
        ax.legend(fontsize=7)
        ax.set_title("Against thread count")
    out.append(("Against threads", figure_png(vs_threads)))

    def vs_patterns(ax):
        engines = [("wirespeed (Hyperscan)", "BM_match_literals_all"), ("RE2::Set", "BM_match_literals_re2_set"),
                   ("PCRE2 JIT", "BM_match_literals_pcre2_jit"), ("Aho-Corasick", "BM_match_literals_aho_corasick"),
                   ("wirespeed grep (process)", "BM_match_literals_wirespeed_process"),
                   ("rg -F (process)", "BM_match_literals_rg_process"), ("grep -F (process)", "BM_match_literals_grep_process")]
        m = ms[0].get("match_bench", {})
        for label, prefix in engines:
            pts = sorted((int(k.split("/")[1]), v / 1e6) for k, v in m.items()  # "/manual_time" too
                         if k.startswith(prefix + "/") and k.split("/")[1].isdigit())
            if pts:
                ax.plot(*zip(*pts), marker="o", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("literal patterns")
        ax.set_ylabel("MB/s")
        ax.legend(fontsize=7)
        ax.set_title(f"Against pattern count ({names[0]})")
    out.append(("Against pattern count", figure_png(vs_patterns)))
    return out


def fingerprint_table(results):
    rows = []
    for r in results:
        f = r["fingerprint"]
        caches = ", ".join(f"L{c['level']} {c['type'][0].lower()} {c['size']}" for c in f["cpu"].get("caches", []))
        rows.append(f"<tr><td>{html.escape(label_of(r))}</td><td>{f['cpu'].get('logical_cpus')}</td>"
                    f"<td>{html.escape(' '.join(f['isa'].get('available', [])))} (used "
                    f"{html.escape(str(f['isa'].get('used')))})</td><td>{html.escape(caches)}</td>"
                    f"<td>{html.escape(str(f['compiler'].get('version')))} {html.escape(f['compiler'].get('flags', ''))}</td>"
                    f"<td>{html.escape(r['created'])}</td><td>{f['load_average'][0]:.1f}</td></tr>")
    return ("<table><tr><th>machine @commit</th><th>CPUs</th><th>ISA</th><th>caches</th>"
            "<th>compiler</th><th>run</th><th>load</th></tr>" + "".join(rows) + "</table>")


def write_html(results, md, path):
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>wirespeed benchmark report</title>",
             "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px}"
             "pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}img{max-width:100%}</style>",
             "</head><body><h1>wirespeed benchmark report</h1>", fingerprint_table(results)]
    for title, png in charts(results):
        parts.append(f"<h2>{html.escape(title)}</h2><img alt='{html.escape(title)}' "
                     f"src='data:image/png;base64,{png}'>")
    parts.append("<h2>Markdown table</h2><pre>" + html.escape(md) + "</pre></body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="+")
    parser.add_argument("-o", "--output", default="report.html")
    parser.add_argument("--markdown", help="also write the Markdown table here")
    args = parser.parse_args()
    results = []
    for path in args.results:
        with open(path) as f:
            results.append(json.load(f))
    md = markdown(results)
    write_html(results, md, args.output)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(md)
    print(f"report: {os.path.abspath(args.output)}", file=sys.stderr)


if __name__ == "__main__":
    main()
