"""What a user does: `pip install ./crates/python` in a fresh virtual environment, then import and tag.

Builds the wheel from the source tree with maturin (fetched by pip, as for any user) and the shared
cargo target directory, so it costs a few seconds after `make test-python` has built the release
binding. Set SAHEL_SKIP_INSTALL_TEST=1 to skip it (no network for pip's build requirements)."""

import os
import subprocess
import sys
import venv

import pytest


@pytest.mark.skipif(os.environ.get("SAHEL_SKIP_INSTALL_TEST") == "1", reason="SAHEL_SKIP_INSTALL_TEST=1")
def test_pip_install_in_a_fresh_venv(tmp_path, root):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(root / "crates" / "python")],
        check=True,
        env=env,
        cwd=tmp_path,
    )
    script = (
        "import pathlib, sahel_tagger\n"
        "from sahel_tagger import Tagger\n"
        "text = '🙂 JNIM à Tombouctou'\n"
        "m = Tagger().tag(text)\n"
        "assert [x['id'] for x in m] == ['jnim', 'timbuktu'], m\n"
        "assert all(text[x['start']:x['end']] == x['surface'] for x in m)\n"
        "package = pathlib.Path(sahel_tagger.__file__).parent\n"
        "assert (package / 'py.typed').exists() and (package / '__init__.pyi').exists()\n"
        "print(package)\n"
    )
    done = subprocess.run([python, "-c", script], check=True, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert str(env_dir) in done.stdout, "imported from the fresh environment, not from the suite's"
    assert sys.prefix != str(env_dir)
