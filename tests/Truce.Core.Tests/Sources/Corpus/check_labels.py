#!/usr/bin/env python3
"""Verify the hand-labelled corpus: every span must match the body exactly.

Usage: python3 check_labels.py [corpus_dir]
Body = the text after the header lines (TITLE/OUTLET/DATE/URL) and the first blank line,
with the file's final newline removed. Offsets are 0-based code-point offsets, end exclusive.
Exit code 1 on any mismatch.
"""
import collections, glob, json, os, re, sys

ACTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "../../../../data/demo/actors.json")
TYPES = {"direct", "indirect", "mixed"}
HEADER = ("TITLE", "OUTLET", "DATE", "URL")


def read_doc(path):
    raw = open(path, encoding="utf-8").read()
    head, sep, body = raw.partition("\n\n")
    if not sep:
        raise ValueError("no blank line after header")
    meta = {}
    for line in head.split("\n"):
        k, _, v = line.partition(": ")
        meta[k] = v
    if body.endswith("\n"):
        body = body[:-1]
    return meta, body


def main(d):
    codes = set()
    if os.path.exists(ACTORS):
        codes = {a["code"] for a in json.load(open(ACTORS, encoding="utf-8"))}
    errors, per_type = [], collections.Counter()
    n_docs = n_scare = 0
    words = 0
    outlets = set()
    for txt in sorted(glob.glob(os.path.join(d, "[0-9][0-9]-*.txt"))):
        name = os.path.basename(txt)
        lab = txt[:-4] + ".labels.json"
        try:
            meta, body = read_doc(txt)
        except ValueError as e:
            errors.append(f"{name}: {e}"); continue
        for k in HEADER:
            if not meta.get(k):
                errors.append(f"{name}: missing header {k}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("DATE", "")):
            errors.append(f"{name}: bad DATE")
        if not os.path.exists(lab):
            errors.append(f"{name}: no labels file"); continue
        labels = json.load(open(lab, encoding="utf-8"))
        n_docs += 1
        words += len(body.split())
        outlets.add(meta.get("OUTLET", ""))
        spans = []
        for i, s in enumerate(labels.get("statements", [])):
            where = f"{name} statement {i}"
            if s.get("type") not in TYPES:
                errors.append(f"{where}: bad type {s.get('type')!r}")
            per_type[s.get("type")] += 1
            st, en, q = s.get("start"), s.get("end"), s.get("quote")
            if body[st:en] != q:
                errors.append(f"{where}: body[{st}:{en}]={body[st:en]!r} != quote {q!r}")
            for k in ("speaker", "resolved", "cue"):
                if not s.get(k):
                    errors.append(f"{where}: missing {k}")
            if s.get("speaker") and s["speaker"] not in body:
                errors.append(f"{where}: speaker {s['speaker']!r} not written in the body")
            a = s.get("actor")
            if a is not None and codes and a not in codes:
                errors.append(f"{where}: unknown actor {a!r}")
            sf = s.get("speaksFor")
            if sf is not None and codes and sf not in codes:
                errors.append(f"{where}: unknown speaksFor {sf!r}")
            spans.append((st, en))
        for i, c in enumerate(labels.get("scareQuotes", [])):
            n_scare += 1
            st, en, t = c.get("start"), c.get("end"), c.get("text")
            if body[st:en] != t:
                errors.append(f"{name} scareQuote {i}: body[{st}:{en}]={body[st:en]!r} != {t!r}")
            for a, b in spans:
                if st < b and a < en:
                    errors.append(f"{name} scareQuote {i}: overlaps a statement span")
    for e in errors:
        print("ERROR", e)
    total = sum(per_type.values())
    print(f"documents: {n_docs}  body words: {words}  outlets: {len(outlets)}")
    print(f"statements: {total}  " + "  ".join(f"{t}: {per_type[t]}" for t in sorted(TYPES)))
    print(f"scare quotes (negatives): {n_scare}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
