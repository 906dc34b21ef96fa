#!/usr/bin/env python3
"""Splits the analyzer's labelled corpus, at random with a fixed seed, into a development half
(the analyzer is tuned on it) and a held-out half (read only to measure).

Run from anywhere: tools/analyzer/split_corpus.py. A sentence keeps the half it was given: only
sentences not yet in dev.jsonl or heldout.jsonl are shuffled (seed SEED) and dealt out half and
half, so adding sentences never moves one that was tuned on into the held-out half, or the
other way round.
"""
import json
import pathlib
import random

SEED = 20261208
ROOT = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "analyzer"


def read_lines(name):
    path = ROOT / name
    if not path.exists():
        return []
    return [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def main():
    lines = read_lines("corpus.jsonl")
    ids = [json.loads(l)["id"] for l in lines]
    assert len(ids) == len(set(ids)), "duplicate ids in corpus.jsonl"
    dev_ids = {json.loads(l)["id"] for l in read_lines("dev.jsonl")}
    heldout_ids = {json.loads(l)["id"] for l in read_lines("heldout.jsonl")}
    new = [i for i, sentence_id in enumerate(ids) if sentence_id not in dev_ids | heldout_ids]
    random.Random(SEED).shuffle(new)
    half = len(new) // 2
    dev = {i for i, sentence_id in enumerate(ids) if sentence_id in dev_ids} | set(new[:half])
    heldout = set(range(len(lines))) - dev
    (ROOT / "dev.jsonl").write_text("".join(lines[i] + "\n" for i in sorted(dev)), encoding="utf-8")
    (ROOT / "heldout.jsonl").write_text(
        "".join(lines[i] + "\n" for i in sorted(heldout)), encoding="utf-8")
    print(f"{len(new)} new sentences dealt out; {len(dev)} development, {len(heldout)} held out")


if __name__ == "__main__":
    main()
