"""The exceptions newsfuse raises.

The library raises these; the CLI turns them into a one-line message and an exit
code (1 for input errors, 2 for usage errors). Every message says what to do.

    NewsfuseError
    ├── InputError            the input cannot be read as articles
    │   ├── MissingInputError     a path does not exist
    │   ├── EmptyInputError       nothing (or only white space) to read
    │   ├── BinaryInputError      not text (NUL bytes, an image, an archive)
    │   ├── TooLargeInputError    over the size limit
    │   └── MalformedInputError   broken JSON / JSON Lines / records
    └── UsageError            arguments that cannot work together
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base class of every error newsfuse raises on purpose."""

    exit_code = 1


class InputError(NewsfuseError):
    """The input cannot be read as news articles."""


class MissingInputError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeInputError(InputError):
    pass


class MalformedInputError(InputError):
    pass


class UsageError(NewsfuseError):
    """Arguments that cannot work together."""

    exit_code = 2
