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


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


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
    from newsfuse.render import render
    from newsfuse.summarize import summarize

    articles = read_articles(args.paths, stdin=sys.stdin.buffer)
    summary = summarize(articles, words=args.words, language=args.language)
    output = _open_output(args.output)
    try:
        output.write(render(summary, args.format))
    finally:
        if output is not sys.stdout:
            output.close()
    if not summary.sentences:
        print("newsfuse: warning: the articles hold no sentences to summarize", file=sys.stderr)
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # usage errors, --help, --version: argparse has printed
        return stop.code if isinstance(stop.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    runners = {"summarize": _run_summarize, "batch": _run_batch}
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
