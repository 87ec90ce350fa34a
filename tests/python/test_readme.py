"""README.md's examples are the tested ones: its Python block runs, its C
block is tests/capi/example.c (run by the capi_example test)."""
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(heading, language):
    section = README.split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return re.search(f"```{language}\n(.*?)```", section, re.S).group(1)


def test_python_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)  # it reads corpora/sample/articles.jsonl
    namespace = {}
    exec(compile(block("Python", "python"), "README.md", "exec"), namespace)
    assert len(namespace["lines"]) == 36 and namespace["rejections"] == []


def test_c_example_is_the_tested_program():
    assert block("C", "c") == (ROOT / "tests" / "capi" / "example.c").read_text(encoding="utf-8")
