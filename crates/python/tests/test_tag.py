"""tag(): the mentions of one text, as dicts with code point offsets, and the CLI's options."""

import sahel_tagger
from sahel_tagger import Tagger

CONTRACT = ["start", "end", "surface", "id", "name", "type"]
TYPES = {"armed_group", "force", "place", "person", "media", "organization"}


def spans(mentions):
    return [(m["surface"], m["id"]) for m in mentions]


def test_the_readme_sentence(tagger):
    text = "Le Jnim a revendiqué l’attaque de Boulikessi."
    mentions = tagger.tag(text)
    assert spans(mentions) == [("Jnim", "jnim"), ("Boulikessi", "boulkessi")]
    first = mentions[0]
    assert list(first) == CONTRACT, "the contract's six keys, in the CLI's order, and no flag unless set"
    assert first == {"start": 3, "end": 7, "surface": "Jnim", "id": "jnim", "name": "JNIM", "type": "armed_group"}


def test_every_mention_is_a_code_point_slice(tagger):
    # Arabic (with a proclitic glued to the name), emoji (astral: two UTF-16 units, four UTF-8 bytes),
    # combining marks (NIAFUNKE + U+0301), a flag (two regional indicators), a ZWJ family, and
    # names after each of them.
    text = (
        "هاجمت جماعة نصرة الإسلام والمسلمين بتمبكتو. 🙂🙂 Le JNIM à NIAFUNKE\u0301 ; "
        "🇲🇱 Kidal, 👨‍👩‍👧 Gao et Tombouctou (Timbuktu) — e\u0301\u0301 Ménaka."
    )
    mentions = tagger.tag(text)
    surfaces = [m["surface"] for m in mentions]
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["surface"]
        assert m["type"] in TYPES
    assert "NIAFUNKE\u0301" in surfaces, "the combining mark belongs to the mention"
    assert {"Kidal", "Gao", "Tombouctou", "Timbuktu", "Ménaka", "JNIM"} <= set(surfaces)
    assert "تمبكتو" in surfaces and "جماعة نصرة الإسلام والمسلمين" in surfaces
    assert [m["start"] for m in mentions] == sorted(m["start"] for m in mentions)
    assert all(a["end"] <= b["start"] for a, b in zip(mentions, mentions[1:])), "no overlap"


def test_empty_and_nameless_texts(tagger):
    assert tagger.tag("") == []
    assert tagger.tag("Rien à signaler.\n") == []
    assert tagger.tag("\0\ud7ff\U0010ffff") == []


def test_possible_keeps_doubtful_names_flagged(tagger):
    text = "Boni a été attaquée."
    assert tagger.tag(text) == []
    [boni] = tagger.tag(text, possible=True)
    assert boni["surface"] == "Boni" and boni["unconfirmed"] is True
    [cued] = tagger.tag("Une attaque à 20 km de Boni.", possible=True)
    assert "unconfirmed" not in cued


def test_unlisted_names_have_no_id(tagger):
    text = "Les villages de Doumsiré et Kelbadji sont vides, dit le porte-parole Jean Badouno."
    assert all("unlisted" not in m for m in tagger.tag(text, unlisted=False))
    found = [(m["surface"], m["type"], m["id"]) for m in tagger.tag(text) if m.get("unlisted")]
    assert ("Doumsiré", "place", None) in found and ("Kelbadji", "place", None) in found
    assert tagger.tag(text, unlisted=True) == tagger.tag(text)
    for m in tagger.tag(text):
        assert text[m["start"] : m["end"]] == m["surface"]


def test_details_say_how_each_mention_matched(tagger):
    text = "Le Groupe de soutien à l'islam et musulmans et l'armée azawadienne à Kidal."
    found = [(m["surface"], m["match"], m["variant"]) for m in tagger.tag(text, details=True)]
    assert found == [
        ("Groupe de soutien à l'islam et musulmans", "tolerant", "Groupe de soutien à l'islam et aux musulmans"),
        ("armée azawadienne", "grammar", "armée azawadienne"),
        ("Kidal", "exact", "Kidal"),
    ]
    kidal = tagger.tag("Kidal", details=True)[0]
    assert kidal["candidates"] == ["kidal"] or kidal["candidates"][0] == kidal["id"]
    assert kidal["ambiguous"] is False and kidal["possible"] is False
    assert "match" not in tagger.tag("Kidal")[0], "details only on request"
    assert kidal["tier"] == "curated" and kidal["country"] == "ML" and kidal["subtype"] == "town"
    assert isinstance(kidal["lat"], float) and isinstance(kidal["lon"], float)


def test_a_doubtful_name_kept_by_evidence_carries_its_check(tagger):
    [boni] = tagger.tag("Une attaque à 20 km de Boni.", details=True)
    assert boni["check"]["verdict"] == "kept"


def test_non_str_texts_are_type_errors(tagger):
    import pytest

    for bad in [None, 3, b"Kidal", ["Kidal"]]:
        with pytest.raises(TypeError, match=r"text is not a str \((NoneType|int|bytes|list)\)"):
            tagger.tag(bad)
    with pytest.raises(TypeError):
        tagger.tag("Kidal", True)  # options are keyword-only
    with pytest.raises(TypeError):
        tagger.tag("Kidal", detail=True)


def test_lone_surrogates_are_value_errors(tagger):
    import pytest

    with pytest.raises(UnicodeEncodeError):
        tagger.tag("Kidal \ud800")


def test_str_subclasses_are_texts(tagger):
    class Article(str):
        pass

    assert spans(tagger.tag(Article("à Gao"))) == [("Gao", "gao")]


def test_module_surface():
    assert sahel_tagger.__version__
    assert "+" in sahel_tagger.GAZETTEER_VERSION
    assert issubclass(sahel_tagger.GazetteerError, ValueError)
    assert issubclass(sahel_tagger.GazetteerWarning, UserWarning)
    tagger = Tagger()
    assert repr(tagger).startswith("<sahel_tagger.Tagger: ")
    assert len(tagger) > 500
    assert Tagger.tag.__doc__ and Tagger.tag_many.__doc__ and Tagger.from_files.__doc__
    assert Tagger.__doc__


def test_entities(tagger):
    entities = tagger.entities()
    assert len(entities) == len(tagger)
    jnim = tagger.entity("jnim")
    assert jnim["name"] == "JNIM" and jnim["type"] == "armed_group"
    assert any(v["text"] == "GSIM" for v in jnim["variants"])
    assert jnim in entities
    assert tagger.entity("no-such-entity") is None
    timbuktu = tagger.entity("timbuktu")
    assert isinstance(timbuktu["lat"], float) and timbuktu["country"] == "ML"


def test_stubs_and_marker_are_installed():
    import pathlib

    package = pathlib.Path(sahel_tagger.__file__).parent
    assert (package / "py.typed").exists()
    stubs = (package / "__init__.pyi").read_text(encoding="utf-8")
    for name in ["class Tagger", "def tag(", "def tag_many(", "def from_files(", "class GazetteerError"]:
        assert name in stubs


def test_details_give_a_place_its_admin_units_and_coordinates(tagger):
    text = "Des civils ont été tués à Karma, près de Ouahigouya, puis à Douentza."
    found = {m["id"]: m for m in tagger.tag(text, details=True)}
    karma = found["karma"]
    assert (karma["country"], karma["admin1"], karma["admin2"]) == ("BF", "Nord", "Yatenga")
    assert (karma["lat"], karma["lon"]) == (13.70816, -2.35369)
    assert (found["douentza"]["admin1"], found["douentza"]["admin2"]) == ("Mopti", "Douentza")
    assert "admin1" not in tagger.tag(text)[0], "details only on request"
