#!/usr/bin/env python3
"""Writes to stdout an uncompressed tar of SIZE_MB megabytes of FILE_KB
kilobyte text files in a tree of folders, for bench/archive-scan.sh.
Deterministic (fixed seed). The text is drawn from a 16 MB pool of random
words, so it compresses like source code (about 3:1) and repeats little
within gzip's window."""
import io
import random
import sys
import tarfile

size_mb = int(sys.argv[1])
file_kb = int(sys.argv[2])
rng = random.Random(3)
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz_") for _ in range(rng.randint(2, 10)))
         for _ in range(5000)]
pool_words = []
pool_size = 0
while pool_size < 16 << 20:
    line = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) + "\n"
    pool_words.append(line)
    pool_size += len(line)
pool = "".join(pool_words).encode()

file_size = file_kb * 1024
count = (size_mb << 20) // file_size
with tarfile.open(fileobj=sys.stdout.buffer, mode="w|", format=tarfile.GNU_FORMAT) as tar:
    for i in range(count):
        start = rng.randrange(0, len(pool) - file_size)
        data = pool[start:start + file_size]
        info = tarfile.TarInfo(f"project/module{i // 1000:04d}/src/file{i:07d}.txt")
        info.size = len(data)
        info.mtime = 0
        tar.addfile(info, io.BytesIO(data))
