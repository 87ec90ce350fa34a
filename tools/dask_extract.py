#!/usr/bin/env python3
"""`wirespeed extract` over a sharded archive on a Dask cluster.

Each shard (a .jsonl/.txt file, .gz/.zst compressed or not) is one task: a
worker process runs the `wirespeed` Python module's extract_file_to() on it,
writing the shard's lines to a part file in --parts-dir and handing back only
the part's path and the shard's rejections (shipping the lines themselves
through Dask's connections cost more than extracting them). The parts are
appended to the output in the order the shards were given and deleted, so the
output is byte for byte what `wirespeed extract SHARD...` prints in one process.

  # this machine, 4 worker processes
  dask_extract.py --workers 4 -o extracted.jsonl archive/*.jsonl.zst
  # a running cluster (dask scheduler / dask worker on each machine); every
  # worker needs the module on its PYTHONPATH, the shards at the same path,
  # and --parts-dir on a filesystem the workers and this process share
  dask_extract.py --scheduler tcp://head:8786 --parts-dir /shared/tmp \\
      -o extracted.jsonl /shared/archive/*.jsonl.zst

Rejected records are reported on stderr as "file:line: reason" and make the
exit status 2, as with the command.
"""
import argparse
import os
import shutil
import sys
import tempfile

from dask.distributed import Client, LocalCluster


def extract_shard(path, part):
    """Runs on a worker: writes the shard's output lines to `part`; returns its rejections."""
    import wirespeed  # imported where the task runs, not where it was submitted

    _, rejections = wirespeed.extract_file_to(path, part)
    return rejections


def run(client, shards, parts_dir, output):
    """Extracts every shard on `client`'s workers into `output` (a binary file);
    returns the number of rejected records."""
    parts = [os.path.join(parts_dir, f"part-{i:06d}.jsonl") for i in range(len(shards))]
    # pure=False: a shard named twice is processed twice, as the command would.
    futures = client.map(extract_shard, shards, parts, pure=False)
    rejected = 0
    for future, part in zip(futures, parts):  # in shard order, whichever worker finishes first
        rejections = future.result()
        with open(part, "rb") as lines:
            shutil.copyfileobj(lines, output, 1 << 20)
        os.remove(part)
        for reason in rejections:
            print(reason, file=sys.stderr)
        rejected += len(rejections)
    return rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shards", nargs="+", help="input files, one task each")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    parser.add_argument("--parts-dir",
                        help="where workers write their part files (default: a new directory "
                             "beside the output file, or in $TMPDIR for stdout); on a "
                             "multi-machine cluster, a directory every worker can write")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=2,
                       help="worker processes of a LocalCluster on this machine (default 2)")
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    args = parser.parse_args()

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    beside = None if args.output == "-" else os.path.dirname(os.path.abspath(args.output))
    parts_dir = tempfile.mkdtemp(prefix="wirespeed-parts-", dir=args.parts_dir or beside)
    try:
        with client:
            if args.output == "-":
                rejected = run(client, args.shards, parts_dir, sys.stdout.buffer)
            else:
                with open(args.output, "wb") as output:
                    rejected = run(client, args.shards, parts_dir, output)
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)
    return 2 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
