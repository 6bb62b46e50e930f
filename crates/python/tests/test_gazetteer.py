"""Tagger.from_files: the user's gazetteer files, read as the CLI's `-g` reads them, and their errors."""

import warnings

import pytest

from sahel_tagger import GazetteerError, GazetteerWarning, Tagger

TOML = """[[entity]]
id = "zarba"
name = "Zarbalouene"
type = "place"
variants = ["Zar-Balouene", "زربلوين"]
country = "ML"
"""

JSONL = '{"label": "GPE", "pattern": "Zarbalouene", "id": "zarba"}\n'

TSV = "#sahel-tagger-tsv 1\ttest layer\nkoud\tKoudiomasa\tplace\tvillage\tML\t\t14.1\t-3.2\t\t\tKoudiomasa|Koudyomasa\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_toml_over_the_embedded_gazetteer(tmp_path):
    path = write(tmp_path, "mine.toml", TOML)
    tagger = Tagger.from_files([path])
    text = "Attaque à Zar-Balouene et à Kidal."
    assert [(m["surface"], m["id"]) for m in tagger.tag(text)] == [("Zar-Balouene", "zarba"), ("Kidal", "kidal")]
    assert len(tagger) >= len(Tagger())


def test_only_the_files(tmp_path):
    tagger = Tagger.from_files([str(write(tmp_path, "mine.toml", TOML))], include_default=False)
    assert len(tagger) == 1
    assert [m["id"] for m in tagger.tag("Zarbalouene et Kidal")] == ["zarba"]
    assert Tagger.from_files([], include_default=False).tag("Kidal") == []


def test_spacy_patterns_and_tsv_layers(tmp_path):
    spacy = write(tmp_path, "patterns.jsonl", JSONL)
    tsv = write(tmp_path, "layer.tsv", TSV)
    tagger = Tagger.from_files([spacy, tsv], include_default=False)
    found = [(m["surface"], m["id"]) for m in tagger.tag("De Zarbalouene à Koudyomasa.")]
    assert found == [("Zarbalouene", "zarba"), ("Koudyomasa", "koud")]


def test_a_geonames_layer_below_the_curated_gazetteer(tmp_path):
    tagger = Tagger.from_files([], geonames=write(tmp_path, "layer.tsv", TSV))
    assert [m["id"] for m in tagger.tag("le village de Koudiomasa, près de Kidal", possible=True)] == ["koud", "kidal"]


def test_errors_list_file_and_line(tmp_path):
    bad = write(
        tmp_path,
        "bad.toml",
        '[[entity]]\nid = "a"\nname = "A"\ntype = "city"\n\n[[entity]]\nid = "b"\nname = ""\ntype = "place"\n',
    )
    with pytest.raises(GazetteerError) as caught:
        Tagger.from_files([bad])
    message = str(caught.value)
    assert message.startswith("gazetteer has 3 errors\n")
    assert f'{bad}:4: error: entity "a": unknown type "city"' in message
    assert f'{bad}:6: error: entity "b" has an empty name' in message
    assert caught.value.errors == message.split("\n")[1:]
    assert isinstance(caught.value, ValueError)


def test_a_syntax_error_names_its_line(tmp_path):
    broken = write(tmp_path, "broken.toml", '[[entity]]\nid = "a"\nname = "A\ntype = "place"\n')
    with pytest.raises(GazetteerError, match=r"broken\.toml:3: error"):
        Tagger.from_files([broken])


def test_warnings_are_python_warnings(tmp_path):
    mixed = write(
        tmp_path,
        "mixed.jsonl",
        '{"label": "GPE", "pattern": [{"LOWER": "zarba"}]}\n' + JSONL,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tagger = Tagger.from_files([mixed])
    messages = [str(w.message) for w in caught if issubclass(w.category, GazetteerWarning)]
    assert messages == [f"{mixed}:1: warning: token pattern skipped" + messages[0].split("skipped", 1)[1]]
    assert [m["id"] for m in tagger.tag("à Zarbalouene")] == ["zarba"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", GazetteerWarning)
        with pytest.raises(GazetteerWarning):
            Tagger.from_files([mixed])


def test_unreadable_files(tmp_path):
    missing = tmp_path / "missing.toml"
    with pytest.raises(FileNotFoundError, match=f"cannot read {missing}"):
        Tagger.from_files([missing])
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('[[entity]]\nid = "z"\nname = "Zarbalou\xe8ne"\ntype = "place"\n'.encode("latin-1"))
    with pytest.raises(GazetteerError, match=r"latin1\.toml is not UTF-8 text \(invalid byte at offset \d+\)"):
        Tagger.from_files([latin1])
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf" + TOML.encode())
    assert Tagger.from_files([bom], include_default=False).tag("Zarbalouene")[0]["id"] == "zarba"


def test_paths_must_be_a_list(tmp_path):
    with pytest.raises(TypeError, match="not a str"):
        Tagger.from_files(str(write(tmp_path, "mine.toml", TOML)))
    with pytest.raises(TypeError):
        Tagger.from_files([3])
