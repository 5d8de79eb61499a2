"""The command line, run in-process through ``main`` (exit codes, one-line errors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.cli import main
from tests.conftest import EXAMPLES, SEED_BOILERPLATE


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_summarize_seeds_as_json_cites_both_without_boilerplate(
    capsys: pytest.CaptureFixture[str], seed_paths: list[Path]
) -> None:
    code, out, err = _run(capsys, "summarize", *map(str, seed_paths), "--format", "json")
    assert code == 0, err
    brief = json.loads(out)
    assert brief["schema_version"] == "1.0"
    cited = {s["article"] for s in brief["sentences"]} | {
        c["article"] for s in brief["sentences"] for c in s["also_in"]
    }
    assert cited == {p.stem for p in seed_paths}
    assert {"id", "title", "source", "url", "published", "text"} <= set(brief["articles"][0])
    for boilerplate in SEED_BOILERPLATE:
        assert boilerplate.strip() not in brief["summary"]
        for article in brief["articles"]:
            assert boilerplate not in article["text"]


@pytest.mark.parametrize("output_format", ["text", "markdown", "html"])
def test_human_formats_show_citations_and_sources(
    capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    code, out, _ = _run(capsys, "summarize", str(EXAMPLES), "--format", output_format)
    assert code == 0
    assert "Iraqi forces retake last ISIS-held town" in out  # the headline titles the brief
    if output_format == "html":
        assert out.startswith("<!doctype html>") and 'href="#source-2"' in out
    elif output_format == "markdown":
        assert "[^1]" in out and "[^2]" in out and "## Sources" in out
    else:
        assert "[1]" in out and "[2]" in out and "Sources:" in out


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    code, out, _ = _run(
        capsys, "summarize", str(EXAMPLES), "--format", "markdown", "-o", str(target)
    )
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["summarize", "/no/such/file.txt"], 1, "no such file"),
        (["summarize", str(EXAMPLES), "--words", "0"], 2, "must be at least 1"),
        (["summarize", str(EXAMPLES), "--format", "pdf"], 2, "invalid choice"),
        (["frobnicate"], 2, "invalid choice"),
        (["batch", "in.jsonl"], 2, "required"),
    ],
)
def test_errors_are_one_line_with_exit_codes(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    result, out, err = _run(capsys, *argv)
    assert result == code
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_keeps_order_and_goes_past_bad_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_texts: list[str]
) -> None:
    source = _write_lines(
        tmp_path / "clusters.jsonl",
        [
            json.dumps({"id": "rawa", "documents": seed_texts}),
            '{"id": "broken", "documents": [',
            json.dumps({"id": "no-docs"}),
            json.dumps({"id": "one", "documents": [seed_texts[1]]}),
        ],
    )
    target = tmp_path / "out.jsonl"
    code, _, err = _run(capsys, "batch", str(source), "--output", str(target), "--words", "60")
    assert code == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["rawa", None, "no-docs", "one"]
    assert records[0]["summary"] and "error" not in records[0]
    assert records[0]["summary"].split("\n")[0] == records[0]["sentences"][0]["text"]
    assert "line 2" in records[1]["error"] and "line 3" in records[2]["error"]
    assert records[3]["sentences"][0]["article"] == "one:0"
    assert "line 2" in err and "line 3" in err and "2 of 4 lines" in err


def test_batch_with_workers_matches_one_process(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_texts: list[str]
) -> None:
    source = _write_lines(
        tmp_path / "clusters.jsonl",
        [json.dumps({"id": f"c{i}", "documents": seed_texts[i % 2 :]}) for i in range(6)],
    )
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _run(capsys, "batch", str(source), "-o", str(one))[0] == 0
    assert _run(capsys, "batch", str(source), "-o", str(two), "--workers", "2")[0] == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary")],
)
def test_batch_refuses_unreadable_input_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(content)
    code, _, err = _run(capsys, "batch", str(source), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1


def test_summarize_an_article_without_sentences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dots.txt"
    path.write_text("... --- ...\n", encoding="utf-8")
    code, out, err = _run(capsys, "summarize", str(path), "--format", "json")
    assert code == 0
    assert json.loads(out)["sentences"] == []
    assert "no sentences" in err


def test_public_api_names_resolve() -> None:
    import newsfuse

    assert all(hasattr(newsfuse, name) for name in newsfuse.__all__)
    articles = newsfuse.read_articles([str(EXAMPLES)])
    analysis = newsfuse.analyze(articles)
    assert isinstance(analysis, newsfuse.Analysis)
    assert {q.article for q in analysis.quotes} == {a.id for a in articles}


def test_the_stories_defaults_are_the_groupers_own() -> None:
    # written out in the parser, so that every command's start-up need not import the
    # grouper (about 30 ms), and held to the grouper's constants here
    from newsfuse.cli import build_parser
    from newsfuse.stories.index import DEFAULT_FADE_DAYS, DEFAULT_MAX_OPEN, SECOND_LOOK_AFTER

    args = build_parser().parse_args(["stories", "in.jsonl", "--output", "out.jsonl"])
    assert args.second_look == SECOND_LOOK_AFTER
    assert args.max_open == DEFAULT_MAX_OPEN
    assert args.fade_days == DEFAULT_FADE_DAYS
