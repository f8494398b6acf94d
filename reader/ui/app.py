"""The Textual application (a first cut: the article text, safely rendered)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Static

from reader.model import Analysis


class ReaderApp(App[None]):
    """Shows the clean view of one analysed article."""

    BINDINGS: ClassVar = [("q", "quit", "Quit")]

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis
        self.title = analysis.title or analysis.source or "reader"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(Content(self.analysis.clean_text))
        yield Footer()
