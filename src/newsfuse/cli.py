"""The ``newsfuse`` command: a thin layer over the library.

Exit codes: 0 success, 1 input errors, 2 usage errors, 130 interrupted. Every
error is one line on standard error; no tracebacks unless ``NEWSFUSE_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from newsfuse import __version__
from newsfuse.errors import NewsfuseError, UsageError

_DESCRIPTION = """\
Turn several news reports of one event into one brief in which every sentence
cites the articles it comes from.

examples:
  newsfuse summarize examples/rawa/                 # a folder of articles, one story
  newsfuse summarize a.txt b.html --format json     # mixed inputs, JSON output
  cat story.jsonl | newsfuse summarize - --words 200
  newsfuse batch clusters.jsonl --output summaries.jsonl --workers 2
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"newsfuse: error: {message} (see `{self.prog} --help`)\n")


def _whole_number(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}, got {value}")
    return value


def _positive_int(text: str) -> int:
    return _whole_number(text, 1)


def _count(text: str) -> int:
    return _whole_number(text, 0)


def build_parser() -> argparse.ArgumentParser:
    from newsfuse.render import FORMATS
    from newsfuse.summarize import DEFAULT_WORDS

    parser = _Parser(
        prog="newsfuse",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    summarize = commands.add_parser(
        "summarize",
        help="summarize the articles of one story into a cited brief",
        description="Summarize the articles of one story into a brief that cites its sources. "
        "PATH may be text, HTML, JSON or JSON Lines files, Multi-News files (articles "
        "separated by |||||), folders of those, or - for standard input.",
    )
    summarize.add_argument("paths", nargs="+", metavar="PATH", help="articles to read")
    summarize.add_argument(
        "--words", type=_positive_int, default=DEFAULT_WORDS,
        help=f"word budget of the summary (default {DEFAULT_WORDS})",
    )  # fmt: skip
    summarize.add_argument("--format", choices=FORMATS, default="text", help="output format")
    summarize.add_argument("--output", "-o", metavar="FILE", help="write here, not to stdout")
    summarize.add_argument(
        "--language", help="language name or ISO code (fr, cs, el, ...); detected if omitted"
    )

    summarize.add_argument(
        "--facts", choices=("rules", "auto", "spacy", "none"), default="rules",
        help="add the facts sections (quotations, figures, entities, timeline, comparison): "
        "by rules (default, fast), with spaCy when installed (auto), with spaCy, or none",
    )  # fmt: skip

    analyze = commands.add_parser(
        "analyze",
        help="who said what, figures, entities, timeline, and how the sources compare",
        description="Extract quotations, figures, people/places/organisations and dated "
        "events from the articles of one story, and compare the sources: what they share, "
        "what one reports alone, where they differ. PATH as for summarize.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="articles to read")
    analyze.add_argument(
        "--format", choices=("json", "markdown", "html", "text"), default="markdown",
        help="output format (default markdown)",
    )  # fmt: skip
    analyze.add_argument("--output", "-o", metavar="FILE", help="write here, not to stdout")
    analyze.add_argument(
        "--nlp", choices=("auto", "spacy", "rules"), default="auto",
        help="find names with spaCy when installed (auto, default), always, or by rules",
    )  # fmt: skip

    batch = commands.add_parser(
        "batch",
        help="summarize many clusters from a JSON Lines file",
        description='Each input line is {"id": ..., "documents": [text, ...]}; each output '
        'line {"id", "summary", "sentences"}, in the input\'s order. A bad line is '
        'reported with its line number, written as {"id", "line", "error"}, and skipped.',
    )
    batch.add_argument("input", metavar="INPUT.jsonl")
    batch.add_argument("--output", "-o", required=True, metavar="OUTPUT.jsonl")
    batch.add_argument(
        "--words", type=_positive_int, default=DEFAULT_WORDS,
        help=f"word budget per summary (default {DEFAULT_WORDS})",
    )  # fmt: skip
    batch.add_argument(
        "--workers", type=_positive_int, default=1, help="processes to use (default 1)"
    )

    stories = commands.add_parser(
        "stories",
        help="group a stream of articles into stories, online",
        description='Each input line is an article {"id", "text", "title"?, "published"?, ...}; '
        'each output line {"id", "story"} in the input\'s order, with "duplicate_of" for a '
        'near-copy and "junk": true for scrape junk (kept out of stories). With --state, the '
        "stories are kept on disk and a later run continues them; a rerun after an "
        "interruption answers the articles already placed from the state.",
    )
    stories.add_argument("input", metavar="INPUT.jsonl", help="JSON Lines file, or - for stdin")
    stories.add_argument("--output", "-o", required=True, metavar="OUTPUT.jsonl")
    stories.add_argument("--state", metavar="DIR", help="keep the story index in this folder")
    stories.add_argument(
        "--fade-days", type=float, default=7.0,
        help="close a story after this many days without articles (with publication times)",
    )  # fmt: skip
    stories.add_argument(
        "--max-open", type=_positive_int, default=5_000,
        help="most stories kept open; the least recently joined close first (default 5000)",
    )  # fmt: skip
    stories.add_argument(
        "--second-look", type=_count, default=500, metavar="N",
        help="a story of five articles or fewer may move into a story formed by N "
        "articles after its last one; their lines wait for it (default 500; 0: never)",
    )  # fmt: skip
    stories.add_argument(
        "--workers", type=_positive_int, default=1,
        help="processes (default 1); with 2 or more, others read articles ahead",
    )  # fmt: skip

    digest = commands.add_parser(
        "digest",
        help="group a stream into stories and brief each one (Markdown and HTML)",
        description="Group the articles of INPUT.jsonl into stories, then write a cited brief "
        "per story of at least --min-articles articles (story-ID.md, story-ID.html) and an "
        "index (index.md, index.html) listing the stories by size and recency.",
    )
    digest.add_argument("input", metavar="INPUT.jsonl")
    digest.add_argument("--output", "-o", required=True, metavar="DIR")
    digest.add_argument(
        "--min-articles", type=_positive_int, default=2,
        help="brief only stories with at least this many articles (default 2)",
    )  # fmt: skip
    digest.add_argument(
        "--words", type=_positive_int, default=DEFAULT_WORDS,
        help=f"word budget per brief (default {DEFAULT_WORDS})",
    )  # fmt: skip

    evaluation = commands.add_parser(
        "eval",
        help="score newsfuse and anchors (lead, LexRank, TextRank, LSA) on EVAL.md's dev data",
        description="Run the protocols of ../shared/EVAL.md (ROUGE on wire, web and MultiLing "
        "clusters) for newsfuse and the anchors, in one run, and print one table. Needs the "
        "eval extra: pip install 'newsfuse[eval]'.",
    )
    evaluation.add_argument(
        "--data", metavar="DIR", help="folder of the dev files (default ../shared/data/dev)"
    )
    evaluation.add_argument(
        "--only", action="append", choices=("duc", "multinews", "multiling"),
        help="score only this set (repeatable)",
    )  # fmt: skip
    evaluation.add_argument(
        "--systems", type=lambda text: text.split(","),
        help="comma-separated systems (default newsfuse,lead,lexrank,textrank,lsa)",
    )  # fmt: skip
    evaluation.add_argument("--json", action="store_true", help="JSON, not a table")
    return parser


def _open_output(path: str | None) -> TextIO:
    if path is None or path == "-":
        return sys.stdout
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"--output {path}: is a folder; give a file name")
    if not target.parent.exists():
        raise UsageError(f"--output {path}: the folder {target.parent} does not exist")
    return target.open("w", encoding="utf-8")


def _run_summarize(args: argparse.Namespace) -> int:
    from newsfuse.ingest import read_articles
    from newsfuse.render_facts import render_brief
    from newsfuse.summarize import summarize

    articles = read_articles(args.paths, stdin=sys.stdin.buffer)
    summary = summarize(articles, words=args.words, language=args.language)
    analysis = None
    if args.facts != "none":
        from newsfuse.compare import analyze

        analysis = analyze(summary.articles, nlp=_facts_model(args.facts))
    output = _open_output(args.output)
    try:
        output.write(render_brief(summary, analysis, args.format))
    finally:
        if output is not sys.stdout:
            output.close()
    if not summary.sentences:
        print("newsfuse: warning: the articles hold no sentences to summarize", file=sys.stderr)
    return 0


def _facts_model(choice: str) -> object:
    """The ``nlp`` argument of ``analyze`` for --facts/--nlp: False means rules only."""
    if choice == "rules":
        return False
    if choice == "spacy":
        from newsfuse.facts import load_model

        model = load_model()
        if model is None:
            raise UsageError(
                "spaCy or its model is not installed; install newsfuse[facts] or use --nlp rules"
            )
        return model
    return None


def _run_analyze(args: argparse.Namespace) -> int:
    from newsfuse.compare import analyze
    from newsfuse.ingest import read_articles
    from newsfuse.render_facts import render_analysis

    articles = read_articles(args.paths, stdin=sys.stdin.buffer)
    analysis = analyze(articles, nlp=_facts_model(args.nlp))
    output = _open_output(args.output)
    try:
        output.write(render_analysis(analysis, args.format))
    finally:
        if output is not sys.stdout:
            output.close()
    return 0


def _run_batch(args: argparse.Namespace) -> int:
    from newsfuse.batch import run_batch

    if Path(args.output).resolve() == Path(args.input).resolve():
        raise UsageError("--output must not be the input file")
    output = _open_output(args.output)
    try:
        report = run_batch(
            args.input, output, words=args.words, workers=args.workers,
            on_error=lambda message: print(f"newsfuse: skipped {message}", file=sys.stderr),
            progress=sys.stderr.isatty(),
        )  # fmt: skip
    finally:
        if output is not sys.stdout:
            output.close()
    if report.failed:
        print(
            f"newsfuse: {report.failed} of {report.lines} lines could not be summarized",
            file=sys.stderr,
        )
    return 1 if report.lines and report.failed == report.lines else 0


def _run_stories(args: argparse.Namespace) -> int:
    from newsfuse.stories.stream import group_file

    if args.input != "-" and Path(args.output).resolve() == Path(args.input).resolve():
        raise UsageError("--output must not be the input file")
    if args.fade_days <= 0:
        raise UsageError(f"--fade-days must be above 0, got {args.fade_days}")
    output = _open_output(args.output)
    try:
        report = group_file(
            args.input, output, state_folder=args.state, fade_days=args.fade_days,
            max_open=args.max_open, look_after=args.second_look, workers=args.workers,
            on_error=lambda message: print(f"newsfuse: skipped {message}", file=sys.stderr),
        )  # fmt: skip
    finally:
        if output is not sys.stdout:
            output.close()
    if report.failed:
        print(
            f"newsfuse: {report.failed} of {report.lines} lines could not be read",
            file=sys.stderr,
        )
    if args.output != "-":  # (on standard output, the lines speak for themselves)
        from_state = f", {report.resumed} answered from --state" if report.resumed else ""
        print(
            f"newsfuse: {report.lines - report.failed} articles, {report.stories} new "
            f"stories ({report.duplicates} near-copies, {report.junk} scrape junk"
            f"{from_state}) in {args.output}",
            file=sys.stderr,
        )
    return 1 if report.lines and report.failed == report.lines else 0


def _run_digest(args: argparse.Namespace) -> int:
    from newsfuse.digest import write_digest

    digest = write_digest(
        args.input, args.output, min_articles=args.min_articles, words=args.words,
        on_error=lambda message: print(f"newsfuse: skipped {message}", file=sys.stderr),
    )  # fmt: skip
    print(
        f"newsfuse: {len(digest.briefs)} stories briefed in {args.output} (index.md, index.html)",
        file=sys.stderr,
    )
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    from newsfuse.evaluate import run_command

    sys.stdout.write(run_command(args.data, args.only, args.systems, args.json))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # usage errors, --help, --version: argparse has printed
        return stop.code if isinstance(stop.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    runners = {"summarize": _run_summarize, "analyze": _run_analyze, "batch": _run_batch,
               "stories": _run_stories, "digest": _run_digest, "eval": _run_eval}  # fmt: skip
    try:
        return runners[args.command](args)
    except NewsfuseError as error:
        print(f"newsfuse: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("newsfuse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug, not bad input: still one line unless debugging
        if os.environ.get("NEWSFUSE_DEBUG"):
            raise
        print(
            f"newsfuse: internal error: {type(error).__name__}: {error} "
            "(set NEWSFUSE_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
