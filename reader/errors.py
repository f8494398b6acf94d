"""Errors that end the program with one clear line and a documented exit code."""

from __future__ import annotations


class ReaderError(Exception):
    """A failure the user can act on; the CLI prints its message, never a traceback."""

    exit_code: int = 2


class InputError(ReaderError):
    """The input cannot be read as an article: missing, unreadable, binary, empty."""

    exit_code = 2


class NetworkError(ReaderError):
    """A URL could not be fetched: unreachable host, HTTP error, timeout, oversized response."""

    exit_code = 3
