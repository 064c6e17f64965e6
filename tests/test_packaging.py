"""The package pip builds: its declared dependencies, its command, its data files."""

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from claims import config

PYPROJECT = tomllib.loads((config.PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements_txt() -> set[str]:
    """The requirements in requirements.txt, comments and blank lines left out."""
    lines = (config.PROJECT_DIR / "requirements.txt").read_text(encoding="utf-8").splitlines()
    found = (line.split("#", 1)[0].strip() for line in lines)
    return {str(Requirement(line)) for line in found if line}


def test_pyproject_declares_the_same_dependencies_as_requirements_txt():
    # The README's commands install requirements.txt, pip install . reads pyproject:
    # a library added to one only would work in one kind of install and not the other.
    declared = {str(Requirement(line)) for line in PYPROJECT["project"]["dependencies"]}
    assert declared == _requirements_txt()


def test_the_corpus_extra_declares_what_requirements_corpus_txt_installs():
    lines = (config.PROJECT_DIR / "requirements-corpus.txt").read_text(encoding="utf-8")
    found = (line.split("#", 1)[0].strip() for line in lines.splitlines())
    listed = {str(Requirement(line)) for line in found if line and not line.startswith("-r")}
    extra = PYPROJECT["project"]["optional-dependencies"]["corpus"]
    assert {str(Requirement(line)) for line in extra} == listed


def test_the_png_extra_is_left_out_of_the_runtime_and_kept_for_the_tests():
    # 84 MB that only chart image downloads need: optional, and the pages say so
    # (tests/pages/test_chart_images.py); the tests install it to render images.
    extra = {
        str(Requirement(line)) for line in PYPROJECT["project"]["optional-dependencies"]["png"]
    }
    assert extra == {"vl-convert-python>=1.9.0"}
    assert not any(line.startswith("vl-convert") for line in _requirements_txt())
    dev = (config.PROJECT_DIR / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
    assert extra <= {str(Requirement(line.split("#", 1)[0])) for line in dev if line[:1].isalpha()}


def test_the_claims_command_runs_the_command_line():
    module, function = PYPROJECT["project"]["scripts"]["claims"].split(":")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; from {module} import {function}; sys.exit({function}())",
            "--help",
        ],
        cwd=config.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "init" in result.stdout and "stats" in result.stdout


def test_the_files_the_library_reads_are_in_the_packaged_data_folder():
    package_dir = PYPROJECT["tool"]["setuptools"]["package-dir"]["claims.shipped_data"]
    globs = PYPROJECT["tool"]["setuptools"]["package-data"]["claims.shipped_data"]
    shipped = config.PROJECT_DIR / package_dir
    packaged = {path for pattern in globs for path in shipped.glob(pattern)}
    assert shipped == config.SHIPPED_DATA_DIR
    for needed in (
        config.SHIPPED_DATA_DIR / "synonyms.csv",
        config.SAMPLES_DIR / "articles.jsonl",
        config.REFERENCE_DIR / "pack.json",
    ):
        assert needed in packaged


def test_every_package_of_the_library_is_declared():
    # pyproject lists the packages (data/ is mapped in as claims.shipped_data, which
    # automatic discovery cannot do): a new package left out of it is left out of the
    # wheel, and `pip install .` would fail to import it.
    on_disk = {
        ".".join(init.parent.relative_to(config.PROJECT_DIR).parts)
        for init in (config.PROJECT_DIR / "claims").rglob("__init__.py")
    }
    declared = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert on_disk <= declared


# What a checkout holds besides its sources: none of it may matter to the wheel.
NOT_SOURCES = shutil.ignore_patterns(
    ".venv", ".git", "*.db", "*.db-*", "__pycache__", "artifacts", "build", "*.egg-info"
)


@pytest.mark.slow
def test_the_wheel_holds_only_the_library_its_data_and_the_command(tmp_path):
    # Built offline, with the setuptools of this environment (70.1 and later build
    # wheels on their own; requirements-dev.txt asks for one), from a copy: the
    # build writes build/ and *.egg-info next to pyproject.toml.
    pytest.importorskip("setuptools.command.bdist_wheel", reason="setuptools older than 70.1")
    checkout = shutil.copytree(config.PROJECT_DIR, tmp_path / "checkout", ignore=NOT_SOURCES)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(wheels), str(checkout)],
        check=True,
        timeout=300,
    )  # fmt: skip
    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {
        Path(name).parts[0] for name in names if not name.split("/")[0].endswith(".dist-info")
    }
    assert top_level == {"claims"}
    assert "claims/shipped_data/synonyms.csv" in names
    assert "claims/shipped_data/samples/articles.jsonl" in names
    assert "claims/migrations/0009_group_summaries.sql" in names
    for package in PYPROJECT["tool"]["setuptools"]["packages"]:
        if package != "claims.shipped_data":
            assert package.replace(".", "/") + "/__init__.py" in names
    assert not any(name.endswith(".db") for name in names)
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "claims = claims.__main__:run" in zipfile.ZipFile(wheel).read(entry_points).decode()
