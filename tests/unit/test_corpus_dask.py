"""The Dask recipe of docs/corpus.md: the analysis on Dask's local scheduler, as in corpus mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.batch.corpus import analyze_corpus, analyze_path, analyze_record, expand_targets

dask = pytest.importorskip("dask", reason="dask is not installed (pip install 'reader-desk[dask]')")
bag = pytest.importorskip("dask.bag")


def write_articles(root: Path, count: int) -> None:
    for number in range(count):
        (root / f"story-{number:03d}.txt").write_text(
            f"Story {number} headline\n\nThe board met on day {number}. It is believed the "
            f"merger could close soon.\n\nOthers said little about day {number}.\n",
            encoding="utf-8",
        )


def test_dask_over_files_gives_the_corpus_mode_lines_in_order(tmp_path: Path) -> None:
    write_articles(tmp_path, 24)
    (tmp_path / "zz-broken.bin").write_bytes(bytes(range(256)) * 32)
    paths = expand_targets([str(tmp_path)])

    lines = bag.from_sequence(paths, npartitions=4).map(lambda p: analyze_path(p).line)
    with dask.config.set(scheduler="processes", num_workers=2):
        out = tmp_path / "out"
        lines.to_textfiles(str(out / "part-*.jsonl"))

    written = [
        line
        for part in sorted(out.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert written == [result.line for result in analyze_corpus(paths, jobs=1)]
    assert "error" in json.loads(written[-1])
    assert json.loads(written[0])["title"] == "Story 0 headline"


def test_dask_over_jsonl_records(tmp_path: Path) -> None:
    archive = tmp_path / "archive.jsonl"
    records = [
        {"id": f"s{n}", "title": f"Title {n}", "text": f"Body of story {n}. It may rain."}
        for n in range(10)
    ]
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    results = (
        bag.read_text(str(archive)).map(json.loads).map(analyze_record).compute(scheduler="sync")
    )
    assert [r.source for r in results] == [f"s{n}" for n in range(10)]
    assert all(r.ok for r in results)
    assert json.loads(results[3].line)["title"] == "Title 3"
