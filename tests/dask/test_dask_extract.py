"""tools/dask_extract.py on a 2-process LocalCluster writes exactly what one
`wirespeed extract` process writes for the same shards, rejections included."""
import gzip
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpora" / "sample" / "articles.jsonl"
DASK_EXTRACT = ROOT / "tools" / "dask_extract.py"


def shard_sample(directory):
    """The 36 sample articles in four shards, one gzip-compressed, one with a bad record."""
    records = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    shards = [directory / f"shard-{i}.jsonl" for i in range(3)] + [directory / "shard-3.jsonl.gz"]
    shards[0].write_text("".join(records[:5]), encoding="utf-8")
    shards[1].write_text("".join(records[5:20]) + '{"id":"no-text"}\n', encoding="utf-8")
    shards[2].write_text("".join(records[20:30]), encoding="utf-8")
    shards[3].write_bytes(gzip.compress("".join(records[30:]).encode()))
    return [str(s) for s in shards]


def test_two_workers_match_one_process(tmp_path):
    shards = shard_sample(tmp_path)
    single = subprocess.run([os.environ["WIRESPEED_CLI"], "extract", *shards],
                            capture_output=True, text=True)
    assert single.returncode == 2  # the record without text
    expected = single.stdout.splitlines()
    assert len(expected) == 36

    merged = tmp_path / "merged.jsonl"
    dask = subprocess.run([sys.executable, str(DASK_EXTRACT), "--workers", "2", "-o", str(merged),
                           *shards], capture_output=True, text=True, timeout=120)
    assert dask.returncode == 2, dask.stderr
    assert merged.read_text(encoding="utf-8").splitlines() == expected
    assert f"{shards[1]}:16: " in dask.stderr
