#!/usr/bin/env python3
"""Splits the analyzer's labelled corpus once, at random with a fixed seed, into a development
half (the analyzer is tuned on it) and a held-out half (read only to measure).

Run from the repository root: tools/analyzer/split_corpus.py. The split is committed; run it
again only when sentences are added, and say so in the closing note (sentences that move from
held-out to development must not have been looked at while tuning).
"""
import json
import pathlib
import random

SEED = 20261208
ROOT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "analyzer"


def main():
    lines = [l for l in (ROOT / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    ids = [json.loads(l)["id"] for l in lines]
    assert len(ids) == len(set(ids)), "duplicate ids in corpus.jsonl"
    order = list(range(len(lines)))
    random.Random(SEED).shuffle(order)
    half = len(order) // 2
    dev = sorted(order[:half])
    heldout = sorted(order[half:])
    (ROOT / "dev.jsonl").write_text("".join(lines[i] + "\n" for i in dev), encoding="utf-8")
    (ROOT / "heldout.jsonl").write_text("".join(lines[i] + "\n" for i in heldout), encoding="utf-8")
    print(f"{len(dev)} development, {len(heldout)} held out")


if __name__ == "__main__":
    main()
