"""The README's Python section runs as written (pandas included), and says what it gives."""

import contextlib
import io
import re


def python_blocks(readme):
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_readme_examples_run(root):
    blocks = python_blocks((root / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) == 2
    for block in blocks:
        namespace = {}
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(block, "README.md", "exec"), namespace)
        assert out.getvalue()
    # The last one is the pandas example: one row per mention.
    mentions = namespace["mentions"]
    assert len(mentions) == 7
    assert list(mentions["article"]) == ["a-1"] * 3 + ["a-2"] * 2 + ["a-3"] * 2
    assert list(mentions["id"]) == ["jnim", "boulkessi", "djibo", "is_sahel", "menaka", "jnim", "timbuktu"]
    texts = dict(zip(namespace["articles"]["id"], namespace["articles"]["text"]))
    for row in mentions.itertuples():
        assert texts[row.article][row.start : row.end] == row.surface
