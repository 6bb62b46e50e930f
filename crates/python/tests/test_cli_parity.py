"""The binding returns what the CLI writes: the same mentions, keys and values, for every option, on the
development sets (103 French, English and Arabic texts) and on texts with astral characters and marks."""

import json
import subprocess

import pytest

OPTIONS = [
    {},
    {"possible": True},
    {"unlisted": False},
    {"details": True},
    {"possible": True, "unlisted": False, "details": True},
    {"possible": True, "details": True},
]

EXTRA = [
    "🙂 Le JNIM à NIAFUNKE\u0301, 🇲🇱 Kidal; 👨‍👩‍👧 Gao — بتمبكتو.",
    "Boni a été attaquée. Les villages de Doumsiré et Kelbadji sont vides, dit le porte-parole Jean Badouno.",
    "Le Groupe de soutien à l'islam et musulmans et l'armée azawadienne à Kidal.",
    "",
]


def texts(root):
    out = []
    for path in sorted((root / "tests" / "eval").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out + EXTRA


def cli_mentions(cli, texts, options):
    flag = lambda name, on: f"--{name}" if on else f"--no-{name}"
    args = [cli, "tag", "--geonames", "off"] + [flag(name, on) for name, on in options.items()]
    lines = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    done = subprocess.run(args, input=lines.encode(), capture_output=True, check=True)
    return [json.loads(line)["mentions"] for line in done.stdout.decode().splitlines()]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: "+".join(o) or "default")
def test_same_mentions_as_the_cli(tagger, cli, root, options):
    corpus = texts(root)
    assert len(corpus) > 100
    expected = cli_mentions(cli, corpus, options)
    got = tagger.tag_many(corpus, **options)
    assert len(got) == len(expected)
    for text, g, e in zip(corpus, got, expected):
        assert g == e, text[:80]
        for m in g:
            assert text[m["start"] : m["end"]] == m["surface"]
