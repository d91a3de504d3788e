"""Domain errors: a stable code the GUI and CLI turn into words, Chinese first."""

from __future__ import annotations


class DomainError(Exception):
    """A refused step. ``code`` is stable (e.g. ``R5_NOTICE_NOT_SERVED``); messages are for people.

    ``field`` and ``row`` say where bad input sits, so the message can name it. ``cli`` is the command-line
    equivalent of what the message asks (an option, a command); only the CLI prints it — no message a GUI user
    sees names a command (issue 17 item 5).
    """

    def __init__(self, code: str, zh: str, en: str, *, field: str | None = None,
                 row: int | None = None, cli: str | None = None) -> None:
        # A refusal is one sentence in Chinese and one in English (DESIGN.md); anything less is a programming
        # error that must not reach a clerk as an empty message.
        if not all(isinstance(t, str) and t.strip() for t in (code, zh, en)):
            raise TypeError(f"DomainError needs a code and a Chinese and an English sentence: {code!r}")
        super().__init__(f"[{code}] {zh}")
        self.code = code
        self.zh = zh
        self.en = en
        self.field = field
        self.row = row
        self.cli = cli

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def rule(self) -> str | None:
        """The rule number (``R5``) when the code starts with one."""
        head = self.code.split("_", 1)[0]
        return head if head.startswith("R") and head[1:].isdigit() else None


class ValidationError(DomainError):
    """Bad input in one field: nothing is changed."""


class FieldErrors(ValidationError):
    """Several bad fields of one form, reported at once (issue 17 item 10: every error beside its field).

    ``errors``: one ValidationError per bad field, in the form's order. ``code`` and ``field`` are the first
    one's (what a caller matching a single refusal expects); the message lists every sentence.
    """

    def __init__(self, errors) -> None:
        self.errors = tuple(errors)
        first = self.errors[0]
        super().__init__(first.code, "；".join(e.zh.rstrip("。") for e in self.errors) + "。",
                         " ".join(e.en for e in self.errors), field=first.field, row=first.row)


def raise_collected(errors) -> None:
    """Raise nothing, the one error, or all of them as ``FieldErrors``."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise FieldErrors(errors)


def each_error(exc: DomainError) -> tuple[DomainError, ...]:
    """The single refusals inside ``exc`` (itself when it is one)."""
    return getattr(exc, "errors", None) or (exc,)


class PermissionDenied(DomainError):
    """The session's role may not perform the action."""


class AuthError(DomainError):
    """Login, unlock or key problems."""
