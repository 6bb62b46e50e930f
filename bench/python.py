"""The Python part of `make bench`: our binding beside what a Python user would otherwise reach for.

    target/python-venv/bin/python bench/python.py [--only default,5k,50k]

On the inputs of `bench/out/inputs` (bench/README.md) and, for each scale (the default gazetteer, then
+5k and +50k synthetic place names), in one process and one run:

- ours, `Tagger.tag(text)`: the 10 MB original text in one call, every mention returned as a dict;
- ours, `Tagger.tag_many(paragraphs)`: the same text as its 17,000 paragraphs (one list of dicts
  each), on every core, then with `threads=1`;
- spaCy `PhraseMatcher` (`spacy.blank("fr")`, no model): the folded names as pattern docs, the folded
  text tokenized by the blank French tokenizer (timed: a matcher needs Docs), matched, then
  `spacy.util.filter_spans` (longest first, no overlap); and the matching alone on the tokenized Doc;
- `flashtext2` `KeywordProcessor(case_sensitive=True).extract_keywords_with_span`: folded names and
  folded text (it is whole-word and longest-match by its own rules).

The peers get the names and the text **already folded by our core**, as the JavaScript peers do (none
of them folds accents), and the fold is not counted for them. MB/s are megabytes (10^6) of the
original UTF-8 text per second. One warm-up run, then BENCH_RUNS (default 5) timed runs, medians; a
cell stops after BENCH_CELL_S (default 150) seconds with at least one timed run, and a run over 10 s
is its own warm-up. Writes bench/out/python.json and bench/out/python.md (which `node
bench/summary.mjs` includes) and prints the tables. Figures are reported, never asserted.
"""

import gc
import json
import os
import pathlib
import platform
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
INPUTS = OUT / "inputs"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CELL_S = float(os.environ.get("BENCH_CELL_S", "150"))

SCALES = [
    {"name": "default", "label": "default gazetteer", "text": "news.txt", "folded": "news.folded.txt", "patterns": "patterns-default.txt", "layer": None},
    {"name": "5k", "label": "+5k names", "text": "news-50k.txt", "folded": "news-50k.folded.txt", "patterns": "patterns-5k.txt", "layer": "tier-5k.tsv"},
    {"name": "50k", "label": "+50k names", "text": "news-50k.txt", "folded": "news-50k.folded.txt", "patterns": "patterns-50k.txt", "layer": "tier-50k.tsv"},
]


def log(message):
    print(f"python: {message}", file=sys.stderr, flush=True)


def timed(f):
    """Runs f once as a warm-up (unless it takes over 10 s: then it is a timed run), then up to RUNS
    timed runs within CELL_S seconds. Returns {median, min, max, n} in ms and f's last result."""
    started = time.perf_counter()
    ms = []
    gc.collect()
    t = time.perf_counter()
    result = f()
    first = (time.perf_counter() - t) * 1e3
    if first > 10_000:
        ms.append(first)
    while len(ms) < RUNS and (not ms or time.perf_counter() - started < CELL_S):
        result = None  # the previous run's result is freed before this run, not during it
        gc.collect()
        t = time.perf_counter()
        result = f()
        ms.append((time.perf_counter() - t) * 1e3)
    return {"median": statistics.median(ms), "min": min(ms), "max": max(ms), "n": len(ms)}, result


def mb_s(nbytes, ms):
    return nbytes / 1e6 / (ms / 1e3) if ms else None


def build_timed(f):
    t = time.perf_counter()
    value = f()
    return value, (time.perf_counter() - t) * 1e3


def ours(scale, text, nbytes):
    from sahel_tagger import Tagger

    layer = INPUTS / scale["layer"] if scale["layer"] else None
    tagger, build_ms = build_timed(lambda: Tagger.from_files([], geonames=layer) if layer else Tagger())
    out = {}
    # unlisted=False: the gazetteer's mentions, the work native `tag()` does (as in bench/node.mjs).
    s, mentions = timed(lambda: tagger.tag(text, unlisted=False))
    out["tag"] = {**s, "mb_s": mb_s(nbytes, s["median"]), "mentions": len(mentions), "build_ms": build_ms}
    del mentions
    paragraphs = text.split("\n")
    cores = os.cpu_count() or 1
    for key, threads in [("tag_many", None), ("tag_many_1", 1)]:
        s, lists = timed(lambda: tagger.tag_many(paragraphs, threads=threads, unlisted=False))
        out[key] = {
            **s,
            "mb_s": mb_s(nbytes, s["median"]),
            "mentions": sum(map(len, lists)),
            "paragraphs": len(paragraphs),
            "threads": threads or cores,
        }
        del lists
    return out


def spacy_peer(patterns, folded, nbytes):
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = spacy.blank("fr")
    nlp.max_length = len(folded) + 1

    def build():
        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        matcher.add("NAME", list(nlp.tokenizer.pipe(patterns)))
        return matcher

    matcher, build_ms = build_timed(build)

    def tokenize_and_match():
        doc = nlp.make_doc(folded)
        return len(filter_spans(matcher(doc, as_spans=True)))

    s, matches = timed(tokenize_and_match)
    out = {"tokenize_match": {**s, "mb_s": mb_s(nbytes, s["median"]), "matches": matches, "build_ms": build_ms}}
    doc = nlp.make_doc(folded)
    out["tokens"] = len(doc)
    s, matches = timed(lambda: len(filter_spans(matcher(doc, as_spans=True))))
    out["match_only"] = {**s, "mb_s": mb_s(nbytes, s["median"]), "matches": matches, "build_ms": build_ms}
    out["version"] = spacy.__version__
    return out


def flashtext_peer(patterns, folded, nbytes):
    from flashtext2 import KeywordProcessor

    def build():
        kp = KeywordProcessor(case_sensitive=True)
        kp.add_keywords_from_iter(patterns)
        return kp

    kp, build_ms = build_timed(build)
    s, matches = timed(lambda: len(kp.extract_keywords_with_span(folded)))
    return {**s, "mb_s": mb_s(nbytes, s["median"]), "matches": matches, "build_ms": build_ms}


def version(module):
    try:
        from importlib.metadata import version as v

        return v(module)
    except Exception:
        return "?"


def fmt(x, digits=None):
    if x is None:
        return "–"
    if digits is None:
        digits = 2 if x < 10 else 1
    return f"{x:,.{digits}f}"


def times(r):
    return "–" if r is None else f"{fmt(r, 2 if r < 10 else 1 if r < 100 else 0)}×"


def report(result):
    scales = [s for s in SCALES if s["name"] in result["scales"]]
    native = result.get("native") or {}

    def cell(d):
        if not d:
            return "–"
        build = f" ({fmt(d['build_ms'], 0)} ms)" if "build_ms" in d else ""
        runs = f" n={d['n']}" if d["n"] < RUNS else ""
        return f"{fmt(d['mb_s'])}{build}{runs}"

    rows = []

    def row(label, get):
        rows.append([label] + [get(result["scales"][s["name"]]) for s in scales])

    cores = result["machine"]["cores"]
    row("**ours** `tag(text)`, one call, dicts", lambda r: cell(r["ours"]["tag"]))
    row(f"**ours** `tag_many(paragraphs)`, {cores} threads", lambda r: cell(r["ours"]["tag_many"]))
    row("**ours** `tag_many(paragraphs, threads=1)`", lambda r: cell(r["ours"]["tag_many_1"]))
    row("ours native `tag()` (bench_native, same `make bench`)", lambda r: fmt(r.get("native_mb_s")))
    row("spaCy `PhraseMatcher`: tokenize + match + `filter_spans`", lambda r: cell(r["spacy"]["tokenize_match"]))
    row("spaCy `PhraseMatcher`: match + `filter_spans` on a tokenized Doc", lambda r: cell(r["spacy"]["match_only"]))
    row("`flashtext2` `extract_keywords_with_span`", lambda r: cell(r["flashtext2"]))
    head = ["MB/s (build ms)"] + [s["label"] for s in scales]
    table = [f"| {' | '.join(head)} |", "|" + "|".join([" --- "] + [" ---: "] * len(scales)) + "|"]
    table += [f"| {' | '.join(r)} |" for r in rows]

    matches = [
        ["ours `tag(text)` (mentions)"] + [fmt(result["scales"][s["name"]]["ours"]["tag"]["mentions"], 0) for s in scales],
        ["ours `tag_many(paragraphs)` (mentions)"]
        + [fmt(result["scales"][s["name"]]["ours"]["tag_many"]["mentions"], 0) for s in scales],
        ["spaCy `PhraseMatcher` + `filter_spans`"]
        + [fmt(result["scales"][s["name"]]["spacy"]["tokenize_match"]["matches"], 0) for s in scales],
        ["`flashtext2`"] + [fmt(result["scales"][s["name"]]["flashtext2"]["matches"], 0) for s in scales],
    ]
    mtable = [f"| matches | {' | '.join(s['label'] for s in scales)} |", "|" + "|".join([" --- "] + [" ---: "] * len(scales)) + "|"]
    mtable += [f"| {' | '.join(r)} |" for r in matches]

    def ratio(a, b):
        return a / b if a and b else None

    ratios = []

    def rrow(label, get):
        ratios.append([label] + [times(get(result["scales"][s["name"]])) for s in scales])

    rrow("`tag(text)` / spaCy tokenize + match", lambda r: ratio(r["ours"]["tag"]["mb_s"], r["spacy"]["tokenize_match"]["mb_s"]))
    rrow("`tag(text)` / spaCy match only", lambda r: ratio(r["ours"]["tag"]["mb_s"], r["spacy"]["match_only"]["mb_s"]))
    rrow("`tag(text)` / flashtext2", lambda r: ratio(r["ours"]["tag"]["mb_s"], r["flashtext2"]["mb_s"]))
    rrow(f"`tag_many` ({cores} threads) / spaCy tokenize + match", lambda r: ratio(r["ours"]["tag_many"]["mb_s"], r["spacy"]["tokenize_match"]["mb_s"]))
    rrow(f"`tag_many` ({cores} threads) / flashtext2", lambda r: ratio(r["ours"]["tag_many"]["mb_s"], r["flashtext2"]["mb_s"]))
    rrow(f"`tag_many` {cores} threads / 1 thread", lambda r: ratio(r["ours"]["tag_many"]["mb_s"], r["ours"]["tag_many_1"]["mb_s"]))
    rrow("Python `tag(text)` / native `tag()`", lambda r: ratio(r["ours"]["tag"]["mb_s"], r.get("native_mb_s")))
    rtable = [f"| ratio (same run) | {' | '.join(s['label'] for s in scales)} |", "|" + "|".join([" --- "] + [" ---: "] * len(scales)) + "|"]
    rtable += [f"| {' | '.join(r)} |" for r in ratios]

    m = result["machine"]
    md = f"""## Python: the binding, spaCy `PhraseMatcher`, `flashtext2`

`bench/python.py`, one process: Python {m['python']}, sahel_tagger {m['sahel_tagger']}, spaCy {m['spacy']} (`spacy.blank("fr")`, no model), flashtext2 {m['flashtext2']}; {m['cores']} cores, load average {' / '.join(map(str, m['load_average_start']))} at the start, {' / '.join(map(str, m['load_average_end']))} at the end.
Medians of up to {RUNS} runs after a warm-up. Ours tags the original text (folding included, a dict per mention); the peers get the names and the text already folded by our core (not timed).
`tag_many` gets the text as its {fmt(next(iter(result['scales'].values()))['ours']['tag_many']['paragraphs'], 0)} paragraphs (document-level evidence is then per paragraph, so its count differs a little).

{chr(10).join(table)}

{chr(10).join(mtable)}

{chr(10).join(rtable)}
"""
    return md


def main():
    only = None
    if "--only" in sys.argv:
        only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
    if not (INPUTS / "patterns-default.txt").exists():
        sys.exit(f"{INPUTS} is incomplete: run the native part first (make bench)")
    native_file = OUT / "native.json"
    native = json.loads(native_file.read_text()) if native_file.exists() else {}
    import sahel_tagger

    result = {
        "machine": {
            "python": platform.python_version(),
            "sahel_tagger": sahel_tagger.__version__,
            "spacy": version("spacy"),
            "flashtext2": version("flashtext2"),
            "cores": os.cpu_count(),
            "cpu": platform.processor() or platform.machine(),
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
        },
        "runs": RUNS,
        "scales": {},
    }
    for scale in SCALES:
        if only and scale["name"] not in only:
            continue
        text = (INPUTS / scale["text"]).read_text(encoding="utf-8")
        folded = (INPUTS / scale["folded"]).read_text(encoding="utf-8")
        patterns = [p for p in (INPUTS / scale["patterns"]).read_text(encoding="utf-8").split("\n") if p]
        nbytes = len(text.encode("utf-8"))
        r = {"text": scale["text"], "text_bytes": nbytes, "patterns": len(patterns)}
        log(f"{scale['name']}: ours")
        r["ours"] = ours(scale, text, nbytes)
        log(f"{scale['name']}: spaCy PhraseMatcher")
        r["spacy"] = spacy_peer(patterns, folded, nbytes)
        log(f"{scale['name']}: flashtext2")
        r["flashtext2"] = flashtext_peer(patterns, folded, nbytes)
        n = native.get("scales", {}).get(scale["name"])
        if n:
            r["native_mb_s"] = n["ours"]["mb_s"]
        result["scales"][scale["name"]] = r
    result["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "python.json").write_text(json.dumps(result, indent=2) + "\n")
    md = report(result)
    (OUT / "python.md").write_text(md)
    print(md)
    log("wrote bench/out/python.json and bench/out/python.md")


if __name__ == "__main__":
    main()
