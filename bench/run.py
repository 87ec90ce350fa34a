#!/usr/bin/env python3
"""Runs every benchmark suite, the CLI stages, accuracy at scale and the peers on one
generated corpus, and writes one result JSON with a hardware fingerprint.

Called by bench/run.sh (which builds first); see bench/README.md. Standard library only.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = "wirespeed-bench/1"

# suite binary -> benchmark filter at default settings (--full runs everything). The
# defaults keep a run within 10 minutes on a 2-core machine.
SUITES = {
    "io_bench": ".",
    "tokenize_bench": "BM_tokenize_(news|arabic|ascii)/",
    # PCRE2 at 1,000 literals runs at under 1 MB/s (a minute a repetition): --full only.
    "match_bench": "BM_match_(literals_(all|re2_set|aho_corasick)/(10|1000|10000)$|"
                   "literals_pcre2_jit/10$|literals_(rg|grep|wirespeed)_process/(1000|10000)/|"
                   "regexes_(all|re2_set|pcre2_jit)/(10|100)$)",
    "extract_bench": ".",
}
# Text bytes each npm peer processes (the slow ones get less; throughput is a rate).
PEER_BYTES = {"wink-tokenizer": 2 << 20, "wink-nlp": 1 << 20, "chrono-node": 1 << 20,
              "compromise": 128 << 10}
SKIPPED_PEERS = [{"peer": "tokenizers", "task": "tokenize",
                  "skipped": "HuggingFace tokenizers is on PyPI only: Debian 12 packages neither "
                             "python3-tokenizers nor its Rust crate, and this project installs "
                             "peers from Debian and npm"}]


def sh(command, **kw):
    return subprocess.run(command, capture_output=True, text=True, **kw)


def first_line(command):
    try:
        done = sh(command)
        return (done.stdout or done.stderr).splitlines()[0].strip()
    except (OSError, IndexError):
        return None


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


# -- fingerprint --------------------------------------------------------------------------
def cpu_info():
    info = {"model": platform.processor() or None, "flags": []}
    try:
        with open("/proc/cpuinfo") as f:
            text = f.read()
        model = re.search(r"^model name\s*:\s*(.+)$", text, re.M)
        flags = re.search(r"^(flags|Features)\s*:\s*(.+)$", text, re.M)
        info["model"] = model.group(1).strip() if model else info["model"]
        wanted = {"sse4_2", "avx", "avx2", "bmi2", "avx512f", "avx512bw", "avx512vbmi", "asimd",
                  "sve"}
        info["flags"] = sorted(wanted & set(flags.group(2).split())) if flags else []
        info["physical_cores"] = len(set(re.findall(r"^core id\s*:\s*(\d+)", text, re.M))) or None
    except OSError:
        pass
    info["logical_cpus"] = os.cpu_count()
    caches = []
    for index in sorted(glob.glob("/sys/devices/system/cpu/cpu0/cache/index*")):
        def read(name):
            with open(os.path.join(index, name)) as f:
                return f.read().strip()
        try:
            caches.append({"level": int(read("level")), "type": read("type"), "size": read("size"),
                           "shared_cpus": read("shared_cpu_list")})
        except OSError:
            continue
    info["caches"] = caches or getconf_caches()
    return info


def getconf_caches():
    """Cache sizes from glibc (CPUID) where sysfs has none, as in some VMs."""
    caches = []
    for level, kind, name in ((1, "Data", "LEVEL1_DCACHE_SIZE"), (1, "Instruction", "LEVEL1_ICACHE_SIZE"),
                              (2, "Unified", "LEVEL2_CACHE_SIZE"), (3, "Unified", "LEVEL3_CACHE_SIZE")):
        size = sh(["getconf", name]).stdout.strip()
        if size.isdigit() and int(size) > 0:
            caches.append({"level": level, "type": kind, "size": f"{int(size) // 1024}K",
                           "source": "getconf"})
    return caches


def cmake_cache(build):
    values = {}
    try:
        with open(os.path.join(build, "CMakeCache.txt")) as f:
            for line in f:
                m = re.match(r"^([A-Za-z_]+):[A-Z]+=(.*)$", line.strip())
                if m:
                    values[m.group(1)] = m.group(2)
    except OSError:
        pass
    return values


def compile_commands(build):
    try:
        with open(os.path.join(build, "compile_commands.json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return []


def library_flags(build):
    """The flags the library's own sources are compiled with (paths and defines left out)."""
    for entry in compile_commands(build):
        if "/toolkit/src/" in entry["file"] and "_dir" not in entry["command"]:
            return " ".join(t for t in entry["command"].split()[1:]
                            if re.match(r"-(O|f|W|m|std|g)", t) and "=/" not in t)
    return None


def isa_flags(build):
    """The -m flags each ISA kernel library is compiled with (from compile_commands)."""
    commands = compile_commands(build)
    flags = {}
    for entry in commands:
        m = re.search(r"wirespeed_toolkit_\w+?_(sse4_2|avx2|avx512bw|neon64)\.dir", entry["command"])
        if m:
            flags[m.group(1)] = sorted(set(re.findall(r"(?<=\s)-m[\w.=-]+", entry["command"])))
    return flags


def debian_versions(packages):
    versions = {}
    for package in packages:
        done = sh(["dpkg-query", "-W", "-f=${Version}", package])
        if done.returncode == 0 and done.stdout:
            versions[package] = done.stdout
    return versions


def fingerprint(build, cli):
    cache = cmake_cache(build)
    compiler = cache.get("CMAKE_CXX_COMPILER", "c++")
    build_type = cache.get("CMAKE_BUILD_TYPE", "")
    version = sh([cli, "--version"]).stdout if cli else ""
    simd = re.search(r"SIMD: (\S+) \(available here: ([^)]*)\)", version)
    git = lambda *a: first_line(["git", "-C", ROOT, *a])  # noqa: E731
    with open("/proc/meminfo") as f:
        memory = re.search(r"MemTotal:\s*(\d+) kB", f.read())
    return {
        "host": platform.node(),
        "os": first_line(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "kernel": platform.release(),
        "machine": platform.machine(),
        "cpu": cpu_info(),
        "memory_bytes": int(memory.group(1)) * 1024 if memory else None,
        "isa": {"available": simd.group(2).split() if simd else [],
                "used": simd.group(1) if simd else None,
                "forced": os.environ.get("WIRESPEED_FORCE_ISA"),
                "kernel_flags": isa_flags(build)},
        "compiler": {"path": compiler, "version": first_line([compiler, "--version"]),
                     "build_type": build_type,
                     "flags": " ".join(filter(None, [cache.get("CMAKE_CXX_FLAGS", ""),
                                                     cache.get(f"CMAKE_CXX_FLAGS_{build_type.upper()}", "")])),
                     "library_flags": library_flags(build),
                     "launcher": cache.get("CMAKE_CXX_COMPILER_LAUNCHER")},
        "wirespeed_version": version.strip(),
        "libraries": debian_versions(["libhyperscan5", "libvectorscan5", "libsimdjson14",
                                      "libxsimd-dev", "libfmt9", "libre2-9", "libpcre2-8-0",
                                      "libicu72", "zlib1g", "libzstd1", "libbenchmark1debian",
                                      "ripgrep", "grep", "nodejs", "zstd"]),
        "git": {"commit": git("rev-parse", "HEAD"), "branch": git("rev-parse", "--abbrev-ref", "HEAD"),
                "dirty": bool(sh(["git", "-C", ROOT, "status", "--porcelain", "-uno"]).stdout.strip())},
        "load_average": os.getloadavg(),
    }


# -- runs ---------------------------------------------------------------------------------
def run_suite(binary, pattern, args, env):
    out = tempfile.NamedTemporaryFile(suffix=".json", delete=False).name
    command = [binary, f"--benchmark_filter={pattern}", "--benchmark_format=console",
               f"--benchmark_out={out}", "--benchmark_out_format=json",
               f"--benchmark_repetitions={args.repetitions}",
               f"--benchmark_min_time={args.min_time}",
               "--benchmark_report_aggregates_only=true"]
    started = time.monotonic()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    elapsed = time.monotonic() - started
    try:
        with open(out) as f:
            result = json.load(f)
    except (OSError, ValueError):
        result = {"error": done.stderr[-2000:]}
    os.unlink(out)
    result["wall_seconds"] = elapsed
    result["exit_status"] = done.returncode
    return result


def time_process(command, repetitions):
    """Median wall and CPU seconds of a whole process (stdout discarded)."""
    walls, cpus = [], []
    status = 0
    for _ in range(repetitions):
        before = os.times()
        started = time.monotonic()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.monotonic() - started)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system -
                    before.children_system)
        status = done.returncode
    walls.sort()
    cpus.sort()
    return walls[len(walls) // 2], cpus[len(cpus) // 2], status


def cli_stages(cli, corpus, args):
    """Read, decompress, tokenize, extract as whole commands, over thread counts."""
    rows = []
    size = corpus["bytes"]
    packed = corpus["path"] + ".zst"
    threads = sorted({1, 2, os.cpu_count() or 1})
    plans = [("read", ["stats"], corpus["path"], [1]),
             ("decompress+read", ["stats"], packed, [1]),
             ("tokenize", ["tokenize", "--count"], corpus["path"], threads),
             ("extract", ["extract", "-o", "/dev/null"], corpus["path"], threads)]
    for stage, sub, path, counts in plans:
        for n in counts:
            wall, cpu, status = time_process([cli, *sub, "-q", "--threads", str(n), path],
                                             args.process_repetitions)
            rows.append({"stage": stage, "threads": n, "input": os.path.basename(path),
                         "bytes": size, "seconds": wall, "cpu_seconds": cpu,
                         "bytes_per_second": size / wall,
                         "bytes_per_cpu_second": size / cpu if cpu else None,
                         "exit_status": status})
            log(f"cli {stage} threads={n}: {size / wall / 1e6:.1f} MB/s")
    wall, cpu, status = time_process(["zstd", "-dc", packed], args.process_repetitions)
    rows.append({"stage": "decompress", "tool": "zstd -dc", "threads": 1, "bytes": size,
                 "seconds": wall, "cpu_seconds": cpu, "bytes_per_second": size / wall,
                 "exit_status": status})
    rows.append(extract_against_slowest_stage(cli, packed, max(threads)))
    return rows


def extract_scaling(cli, corpus, args, work):
    """`extract` over thread counts on the generated corpus repeated to at least
    args.scaling_gb GB (issue: >= 1 GB), in alternated rounds (1, 2, all threads, then again)
    so that a noisy host's slow spell falls on every count; medians per count."""
    size = corpus["bytes"]
    copies = max(1, -(-int(args.scaling_gb * 1e9) // size))
    big = os.path.join(work, "scaling.jsonl")
    with open(corpus["path"], "rb") as src, open(big, "wb") as out:
        data = src.read()
        for _ in range(copies):
            out.write(data)
    threads = sorted({1, 2, os.cpu_count() or 1})
    rounds = {n: [] for n in threads}
    for _ in range(args.process_repetitions):
        for n in threads:
            wall, cpu, status = time_process([cli, "extract", "-q", "--threads", str(n), "-o",
                                              "/dev/null", big], 1)
            rounds[n].append({"seconds": wall, "cpu_seconds": cpu, "exit_status": status})
    os.unlink(big)
    rows = []
    for n in threads:
        walls = sorted(r["seconds"] for r in rounds[n])
        median = walls[len(walls) // 2]
        rows.append({"stage": "extract scaling", "threads": n, "bytes": size * copies,
                     "input": f"{corpus['name']} x {copies}", "seconds": median,
                     "bytes_per_second": size * copies / median, "rounds": rounds[n]})
        log(f"cli extract scaling threads={n}: {size * copies / median / 1e6:.1f} MB/s")
    return rows


def extract_against_slowest_stage(cli, packed, threads):
    """One end-to-end extract of the .zst corpus with --stats: its wall time over that of its
    slowest stage (read, decompress, process per worker, write; the goal is at most 1.5)."""
    with tempfile.TemporaryDirectory() as work:
        stats_path = os.path.join(work, "stats.json")
        done = subprocess.run([cli, "extract", "-q", "--threads", str(threads), "--stats",
                               stats_path, "-o", "/dev/null", packed],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with open(stats_path) as f:
                stats = json.load(f)
        except (OSError, ValueError):
            return {"stage": "extract vs slowest stage", "threads": threads,
                    "error": f"no --stats written (exit status {done.returncode})"}
    stages = stats["stages"]
    # Workers share the process stage; each of the others runs on threads of its own.
    alone = {name: stages[name] for name in ("read", "decompress", "write")}
    alone["process"] = stages["process"] / max(1, stats["threads"])
    slowest = max(alone, key=alone.get)
    ratio = stats["wall_seconds"] / alone[slowest] if alone[slowest] else None
    log(f"cli extract end-to-end {stats['wall_seconds']:.2f} s = {ratio or 0:.2f} x slowest stage "
        f"({slowest}, {alone[slowest]:.2f} s)")
    return {"stage": "extract vs slowest stage", "tool": "--stats", "threads": stats["threads"],
            "input": os.path.basename(packed), "seconds": stats["wall_seconds"],
            "cpu_seconds": stats["cpu_seconds"], "stages": stages, "slowest_stage": slowest,
            "slowest_stage_seconds": alone[slowest], "end_to_end_over_slowest_stage": ratio,
            "exit_status": done.returncode}


def evaluate(cli, corpus):
    done = sh([cli, "eval", "--json", "-q", "--gold", corpus["gold"], corpus["path"]])
    try:
        report = json.loads(done.stdout)
    except ValueError:
        return {"error": done.stderr[-2000:]}
    report["exit_status"] = done.returncode  # 2: the invalid-UTF-8 records were rejected
    return report


def run_peers(cli, corpus, work):
    node = shutil.which("node")
    runner = os.path.join(ROOT, "bench", "peers", "node", "run_peer.js")
    results = list(SKIPPED_PEERS)
    if not node:
        return results + [{"peer": p, "skipped": "node not installed"} for p in PEER_BYTES]
    # wirespeed's tokens of the first documents, for the tokenizers' agreement.
    head = os.path.join(work, "head.jsonl")
    with open(corpus["path"], "rb") as src, open(head, "wb") as dst:
        for _, line in zip(range(300), src):
            dst.write(line)
    tokens = os.path.join(work, "tokens.jsonl")
    with open(tokens, "w") as f:
        subprocess.run([cli, "tokenize", "--text", "-q", head], stdout=f, stderr=subprocess.DEVNULL)
    for peer, budget in PEER_BYTES.items():
        done = sh([node, runner, peer, corpus["path"], str(budget), "--gold", corpus["gold"],
                   "--tokens", tokens])
        try:
            result = json.loads(done.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            result = {"peer": peer, "skipped": f"runner failed: {done.stderr[-500:]}"}
        log(f"peer {peer}: " + (result.get("skipped") or
                                f"{result['bytes_per_second'] / 1e6:.2f} MB/s"))
        results.append(result)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build", "release"))
    parser.add_argument("--corpus", required=True, help="generated corpus summary (JSON)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--full", action="store_true", help="every benchmark, not the default set")
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--min-time", default="0.1")
    parser.add_argument("--process-repetitions", type=int, default=3)
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--scaling-gb", type=float, default=None,
                        help="extract over thread counts on the corpus repeated to this many GB "
                             "(default 1 with --full, else 0: skipped)")
    args = parser.parse_args()
    if args.scaling_gb is None:
        args.scaling_gb = 1.0 if args.full else 0.0

    with open(args.corpus) as f:
        corpus = json.load(f)
    cli = os.path.join(args.build, "tools", "wirespeed")
    cli = cli if os.access(cli, os.X_OK) else None
    result = {"schema": SCHEMA,
              "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "settings": {"full": args.full, "repetitions": args.repetitions,
                           "min_time": args.min_time},
              "fingerprint": fingerprint(args.build, cli), "corpus": corpus, "suites": {}}
    env = dict(os.environ, WIRESPEED_BENCH_CORPUS=corpus["path"])
    started = time.monotonic()
    for suite, pattern in SUITES.items():
        binary = os.path.join(args.build, "bench", suite)
        if not os.access(binary, os.X_OK):
            result["suites"][suite] = {"skipped": f"{binary} not built"}
            log(f"{suite}: not built, skipped")
            continue
        log(f"{suite} ...")
        result["suites"][suite] = run_suite(binary, "." if args.full else pattern, args, env)
        log(f"{suite}: {result['suites'][suite]['wall_seconds']:.0f} s")
    with tempfile.TemporaryDirectory() as work:
        if cli:
            result["cli"] = cli_stages(cli, corpus, args)
            if args.scaling_gb > 0:
                result["cli"] += extract_scaling(cli, corpus, args, work)
            result["eval"] = evaluate(cli, corpus)
        if not args.no_peers:
            result["peers"] = run_peers(cli, corpus, work) if cli else []
    result["wall_seconds"] = time.monotonic() - started
    result["fingerprint"]["load_average_end"] = os.getloadavg()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    log(f"wrote {args.out} ({result['wall_seconds']:.0f} s)")


if __name__ == "__main__":
    main()
