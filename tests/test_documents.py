import io
import json
from pathlib import Path

from kg.documents import (
    Document,
    Problem,
    count_inputs,
    read_inputs,
    read_jsonl,
    read_path,
    read_stream,
    split_date_header,
)


def test_date_header_is_metadata_not_text():
    assert split_date_header("date 2020-04-03\nHello.") == ("2020-04-03", "Hello.")
    assert split_date_header(" date 2020-04-03 Hello.") == ("2020-04-03", "Hello.")
    assert split_date_header("dated text") == (None, "dated text")


def test_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2021-01-02\nSome news.\n", encoding="utf-8")
    (doc,) = read_path(path)
    assert doc == Document(id=str(path), text="Some news.\n", date="2021-01-02", source=str(path))


def test_bad_files_are_problems_not_exceptions(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "ok.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "header_only.txt").write_text("date 2020-01-01\n", encoding="utf-8")
    items = list(read_path(tmp_path))
    problems = {p.where.rsplit("/", 1)[-1]: p.message for p in items if isinstance(p, Problem)}
    assert set(problems) == {"empty.txt", "blank.md", "binary.txt", "latin1.txt", "header_only.txt"}
    assert "binary" in problems["binary.txt"]
    assert "UTF-8" in problems["latin1.txt"]
    assert [d.text for d in items if isinstance(d, Document)] == ["Fine text."]


def test_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "1.md").write_text("one", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    assert [d.text for d in read_path(tmp_path)] == ["one", "two"]


def test_jsonl_reports_bad_lines_and_keeps_the_rest():
    lines = [
        json.dumps({"id": "a", "text": "First.", "date": "2020-01-02T10:00:00", "url": "http://x", "extra": 1}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps([1, 2]),
        "",
        json.dumps({"text": "No id."}),
    ]
    items = list(read_jsonl(lines, "in.jsonl"))
    assert items[0] == Document(id="a", text="First.", date="2020-01-02", source="http://x", url="http://x")
    assert [str(i) for i in items[1:4]] == [
        "in.jsonl:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        'in.jsonl:3: missing or empty "text"',
        "in.jsonl:4: expected a JSON object",
    ]
    assert items[4].id == "in.jsonl:6"


def test_stdin_text_and_jsonl():
    (doc,) = read_stream(io.StringIO("date 2020-02-02\nText from a pipe."), "<stdin>")
    assert (doc.id, doc.date, doc.text) == ("<stdin>", "2020-02-02", "Text from a pipe.")
    docs = list(read_stream(io.StringIO('{"id": "x", "text": "One."}\n{"id": "y", "text": "Two."}\n'), "<stdin>"))
    assert [d.id for d in docs] == ["x", "y"]


def test_missing_path_is_a_problem(tmp_path):
    (problem,) = read_inputs([tmp_path / "nope.txt"])
    assert isinstance(problem, Problem) and "no such file" in problem.message


def test_glob_inputs_read_their_matches_in_order(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Deeper text.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "**" / "d.txt"), str(tmp_path / "z*.jsonl")]))
    assert [Path(i.id).name for i in items[:3]] == ["a.txt", "b.txt", "d.txt"]
    assert items[3] == Problem(str(tmp_path / "z*.jsonl"), "no file or folder matches this pattern")
    assert count_inputs([str(tmp_path / "*.txt")]) == 2


def test_jsonl_url_is_the_url_or_a_web_source():
    lines = [
        json.dumps({"id": "a", "text": "x", "source": "Valley Courier", "url": "https://courier.example/a", "title": "T"}),
        json.dumps({"id": "b", "text": "x", "source": "https://ledger.example/b"}),
        json.dumps({"id": "c", "text": "x", "source": "Norland Ledger"}),
    ]
    a, b, c = read_jsonl(lines, "in.jsonl")
    assert (a.source, a.url, a.title) == ("Valley Courier", "https://courier.example/a", "T")
    assert (b.source, b.url) == ("https://ledger.example/b", "https://ledger.example/b")
    assert (c.source, c.url) == ("Norland Ledger", None)
