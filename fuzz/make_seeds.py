#!/usr/bin/env python3
"""Makes the seed corpora of the fuzz targets from the demo site and the test fixtures.

Run from the repository root: `python3 fuzz/make_seeds.py`. The seeds are committed (each a
few kB); rerun after the demo site or the fixtures change a lot.
"""

import hashlib
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
MAX = 4096  # AFL++ mutates small inputs best
MAX_RECORDS = 12288  # a council.toml and one matter's records
COUNT = 60  # seeds per target, chosen by hash (a stable sample)


def sources():
    """Every demo and fixture file council reads as text, by kind."""
    tops = [ROOT / "councils", ROOT / "content", ROOT / "tests" / "fixtures"]
    out = [ROOT / "site.toml"]
    for top in tops:
        for dirpath, _, names in os.walk(top):
            for n in sorted(names):
                if n.endswith((".md", ".toml")):
                    out.append(Path(dirpath) / n)
    return sorted(out)


def save(target, data):
    if len(data) > (MAX_RECORDS if target == "records" else MAX) or not data:
        return
    d = SEEDS / target
    d.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(data).hexdigest()[:16]
    (d / name).write_bytes(data)


def body(text):
    m = re.match(r"\ufeff?\+\+\+\r?\n.*?\r?\n\+\+\+\r?\n?(.*)", text, re.S)
    return m.group(1) if m else text


def main():
    for d in SEEDS.glob("*"):
        for f in d.glob("*"):
            f.unlink()
    files = sources()
    for f in files:
        data = f.read_bytes()
        if f.suffix == ".toml" or len(data) < 1024:
            save("front_matter", data)
        text = data.decode("utf-8", "replace")
        b = body(text).encode()
        if b.strip():
            save("markdown", b)
        if re.search(r"[0-9０-９]{3}|@", text):
            for line in text.splitlines():
                if re.search(r"[0-9０-９]{3}|@", line) and len(line) < 300:
                    save("personal_data", line.encode())
    # records: a council with one matter's records, for every council of the demo and of
    # the base fixture.
    councils = [p.parent for p in files if p.name == "council.toml"]
    for c in councils:
        toml = (c / "council.toml").read_bytes()
        proposals = sorted((c / "proposals").glob("*.md")) if (c / "proposals").is_dir() else []
        meetings = sorted((c / "meetings").glob("*.md")) if (c / "meetings").is_dir() else []
        reports = sorted((c / "reports").glob("*.md")) if (c / "reports").is_dir() else []
        for p in proposals:
            if p.name.count(".") > 1:
                continue
            stem = p.stem
            parts = [toml, b"p" + stem.encode() + b"\n" + p.read_bytes()]
            for m in meetings:
                t = m.read_bytes()
                if m.name.count(".") == 1 and stem.encode() in t:
                    parts.append(b"m" + m.stem.encode() + b"\n" + t)
            for r in reports:
                t = r.read_bytes()
                if r.name.count(".") == 1 and stem.encode() in t:
                    parts.append(b"r" + r.stem.encode() + b"\n" + t)
            tr = p.with_name(stem + ".en.md")
            if tr.exists():
                parts.append(b"t" + stem.encode() + b".en\n" + tr.read_bytes())
            save("records", b"\0".join(parts))
    for d in sorted(SEEDS.glob("*")):
        for f in sorted(d.glob("*"))[COUNT:]:
            f.unlink()
        print(d.name, len(list(d.glob("*"))), sum(f.stat().st_size for f in d.glob("*")), "bytes")


main()
