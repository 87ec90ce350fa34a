"""The wirespeed Python module: spans, tokens and extractions agree with the
C++ library (and the `wirespeed` command), on str and bytes alike."""
import concurrent.futures
import json
import os
import pickle
import subprocess
from pathlib import Path

import pytest
import wirespeed

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpora" / "sample" / "articles.jsonl"
PATTERNS = ROOT / "tests" / "capi" / "patterns.txt"
TEXT = "Angela Merkel said 300 million people, not Merkelism."


def test_scan_gives_id_and_byte_span_for_every_input_type():
    db = wirespeed.compile(["Angela Merkel", "million", "Merkel"], flags=wirespeed.WHOLE_WORD)
    expected = [(0, 0, 13), (1, 23, 30), (2, 7, 13)]  # matches ending together: any order
    assert sorted(db.scan(TEXT)) == expected
    data = TEXT.encode()
    assert sorted(db.scan(data)) == expected
    assert sorted(db.scan(bytearray(data))) == expected
    assert sorted(db.scan(memoryview(data))) == expected
    assert len(db) == 3


def test_matches_read_as_a_sequence_and_export_their_rows():
    db = wirespeed.compile(["million", "people"])
    found = db.scan(TEXT)
    assert isinstance(found, wirespeed.Matches)
    assert len(found) == 2
    assert found[0] == (0, 23, 30) and found[-1] == (1, 31, 37)
    with pytest.raises(IndexError):
        found[2]
    assert found.tolist() == list(found) == [(0, 23, 30), (1, 31, 37)]
    assert repr(found) == "Matches([(0, 23, 30), (1, 31, 37)])"
    rows = memoryview(found)
    assert (rows.nbytes, rows.itemsize, rows.shape) == (48, 24, (2,))
    assert rows.tobytes()[8:16] == (23).to_bytes(8, "little")  # row 0: id, tag, begin, end


def test_str_offsets_count_utf8_bytes():
    db = wirespeed.compile(["Zürich"])
    text = "über Zürich"  # "ü" is two bytes
    [(pattern, begin, end)] = db.scan(text)
    assert (pattern, begin, end) == (0, 6, 13)
    assert text.encode()[begin:end].decode() == "Zürich"


def test_pattern_set_labels_tags_regexes_and_leftmost_longest():
    patterns = wirespeed.PatternSet()
    assert patterns.load_file(str(PATTERNS), flags=wirespeed.WHOLE_WORD) == range(0, 2)
    assert patterns.add_regex(r"[0-9]+", label="digits", tag=9) == 2
    assert len(patterns) == 3
    db = patterns.compile()
    assert [db.label(i) for i in range(3)] == ["person", "amount", "digits"]
    assert db.tag(2) == 9
    assert db.scan("300 million", leftmost_longest=True) == [(1, 0, 11)]
    assert db.scan("300 million") == [(2, 0, 1), (2, 0, 2), (2, 0, 3), (1, 0, 11)]


def test_errors_are_python_exceptions_with_the_reason():
    with pytest.raises(ValueError, match="bad pattern in '\\(unclosed'"):
        wirespeed.compile(["(unclosed"], regex=True)
    with pytest.raises(OSError, match="no_such_file.txt"):
        wirespeed.PatternSet().load_file("no_such_file.txt")
    with pytest.raises(ValueError, match="no patterns"):
        wirespeed.PatternSet().compile()
    with pytest.raises(ValueError, match="flag"):
        wirespeed.compile(["x"], flags=64)
    utf8 = wirespeed.compile(["z.rich"], flags=wirespeed.UTF8, regex=True)
    assert utf8.requires_utf8
    with pytest.raises(ValueError, match="UTF-8"):
        utf8.scan(b"z\xffrich")
    with pytest.raises(TypeError, match="str or a bytes-like"):
        utf8.scan(42)


def test_databases_pickle_and_load_without_compiling():
    db = wirespeed.compile(["Merkel"], flags=wirespeed.WHOLE_WORD)
    assert pickle.loads(pickle.dumps(db)).scan(TEXT) == db.scan(TEXT)
    data = db.serialize()
    assert wirespeed.Database.load(data).scan(TEXT) == [(0, 7, 13)]
    with pytest.raises(ValueError, match="serialised pattern database"):
        wirespeed.Database.load(data[: len(data) // 2])


def test_threads_share_one_database():
    db = wirespeed.compile(["million", "people"])
    text = (TEXT + " ") * 20_000
    expected = db.scan(text)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(db.scan, [text] * 8))
    assert all(r == expected for r in results)
    assert len(expected) == 40_000


def test_tokenize_matches_on_str_and_bytes():
    tokens = wirespeed.tokenize("Prices rose 3.5% on Thursday.")
    assert tokens == [(0, 6, "word"), (7, 11, "word"), (12, 15, "number"), (15, 16, "symbol"),
                      (17, 19, "word"), (20, 28, "word"), (28, 29, "punct")]
    assert wirespeed.tokenize("Prices rose 3.5% on Thursday.".encode()) == tokens
    assert wirespeed.tokenize("") == []


QUOTE = "\u201cWe will not give up,\u201d said Angela Merkel."


def test_extract_finds_the_quote_and_its_speaker():
    result = wirespeed.extract({"id": "q1", "source": "Wire", "text": QUOTE})
    assert result["id"] == "q1" and result["source"] == "Wire"
    [quote] = result["quotes"]
    assert quote["text"] == "We will not give up,"
    assert quote["speaker"] == "Angela Merkel"
    assert QUOTE.encode()[quote["begin"]:quote["end"]].decode() == quote["text"]
    assert wirespeed.extract(QUOTE)["quotes"] == result["quotes"]
    assert json.loads(wirespeed.extract_json({"id": "q1", "source": "Wire", "text": QUOTE})) == result


def test_extract_rejects_what_a_reader_would():
    with pytest.raises(ValueError, match="no 'text'"):
        wirespeed.extract({"id": "x"})
    with pytest.raises(UnicodeDecodeError):
        wirespeed.extract({"id": "x", "text": b"bad \xc3 byte"})
    with pytest.raises(ValueError, match="NUL byte at byte 3"):
        wirespeed.extract({"id": "x", "text": "abc\0def"})
    with pytest.raises(ValueError, match="missing.txt"):
        wirespeed.Extractor(["missing.txt"])


def test_extract_file_prints_what_the_command_prints(tmp_path):
    cli = os.environ["WIRESPEED_CLI"]
    expected = subprocess.run([cli, "extract", str(SAMPLE)], check=True, capture_output=True,
                              text=True).stdout.splitlines()
    lines, rejections = wirespeed.extract_file(str(SAMPLE))
    assert rejections == []
    assert len(lines) == 36
    assert lines == expected
    text, rejections = wirespeed.extract_file(str(SAMPLE), joined=True)
    assert text == "".join(line + "\n" for line in expected) and rejections == []

    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id":"a","text":"Fine."}\n{"id":"b"}\nnot json\n')
    lines, rejections = wirespeed.Extractor().extract_file(str(broken))
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "a"
    assert [r.split(": ", 1)[0] for r in rejections] == [f"{broken}:2", f"{broken}:3"]


def test_extract_file_to_writes_the_same_lines_to_a_file(tmp_path):
    text, _ = wirespeed.extract_file(str(SAMPLE), joined=True)
    part = tmp_path / "part.jsonl"
    part.write_text("stale content that must be replaced\n")
    written, rejections = wirespeed.extract_file_to(str(SAMPLE), str(part))
    assert (written, rejections) == (36, [])
    assert part.read_text(encoding="utf-8") == text

    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id":"a","text":"Fine."}\n{"id":"b"}\n')
    written, rejections = wirespeed.Extractor().extract_file_to(str(broken), str(part))
    assert written == 1 and json.loads(part.read_text())["id"] == "a"
    assert [r.split(": ", 1)[0] for r in rejections] == [f"{broken}:2"]
    with pytest.raises(ValueError, match="cannot create"):
        wirespeed.extract_file_to(str(SAMPLE), str(tmp_path / "no" / "such" / "dir.jsonl"))
