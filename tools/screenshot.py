"""Save a screenshot of the reader on the bundled sample article, as the README shows it.

    python -m tools.screenshot assets/screenshot.svg

The app runs headless at a fixed size, steps to the second claim, and saves its own screen
as SVG (Textual's ``save_screenshot``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import sys
from pathlib import Path


async def save(output: Path, size: tuple[int, int] = (120, 36), keys: tuple[str, ...] = ()) -> Path:
    """Run the app on the sample, press ``keys``, and write the screen to ``output``."""
    from reader.loading.sources import load
    from reader.ui.app import ReaderApp
    from reader.ui.launch import sample_article_path

    document = dataclasses.replace(load(str(sample_article_path())), source="sample-article.txt")
    app = ReaderApp(document=document)
    async with app.run_test(size=size) as pilot:
        while not app.final:  # claims and names arrive from a worker
            await pilot.pause(0.05)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        app.title = "reader assets/sample-article.txt"
        written = app.save_screenshot(filename=output.name, path=str(output.parent))
    return Path(written)


def main(argv: list[str]) -> int:
    """Write the screenshot to the path given (default ``assets/screenshot.svg``)."""
    output = Path(argv[0] if argv else "assets/screenshot.svg")
    keys = ("right_square_bracket", "right_square_bracket")
    path = asyncio.run(save(output, keys=keys))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
