#!/usr/bin/env python3
"""`wirespeed extract` over a sharded archive on a Dask cluster.

Each shard (a .jsonl/.txt file, .gz/.zst compressed or not) is one task: a
worker process runs the `wirespeed` Python module's extract_file() on it. The
results are written in the order the shards were given, so the output is
byte for byte what `wirespeed extract SHARD...` prints in one process.

  # this machine, 4 worker processes
  dask_extract.py --workers 4 -o extracted.jsonl archive/*.jsonl.zst
  # a running cluster (dask scheduler / dask worker on each machine); every
  # worker needs the module on its PYTHONPATH and the shards at the same path
  dask_extract.py --scheduler tcp://head:8786 -o extracted.jsonl /shared/archive/*.jsonl.zst

Rejected records are reported on stderr as "file:line: reason" and make the
exit status 2, as with the command.
"""
import argparse
import sys

from dask.distributed import Client, LocalCluster


def extract_shard(path):
    """Runs on a worker: (the shard's output lines as one string, its rejections)."""
    import wirespeed  # imported where the task runs, not where it was submitted

    return wirespeed.extract_file(path, joined=True)


def run(client, shards, output):
    """Extracts every shard on `client`'s workers; returns the number of rejected records."""
    rejected = 0
    # pure=False: a shard named twice is processed twice, as the command would.
    futures = client.map(extract_shard, shards, pure=False)
    for future in futures:  # in shard order, whichever worker finishes first
        text, rejections = future.result()
        output.write(text)
        for reason in rejections:
            print(reason, file=sys.stderr)
        rejected += len(rejections)
    return rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shards", nargs="+", help="input files, one task each")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
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
    with client:
        if args.output == "-":
            rejected = run(client, args.shards, sys.stdout)
        else:
            with open(args.output, "w", encoding="utf-8") as output:
                rejected = run(client, args.shards, output)
    return 2 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
