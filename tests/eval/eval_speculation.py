"""Sentence-level accuracy of the claim flags on ../shared/data/speculation.

    python tests/eval/eval_speculation.py             # figures on the tuning and dev parts
    python tests/eval/eval_speculation.py --errors 20 # plus sample errors on dev

A sentence counts as predicted uncertain when it carries a flag of the kinds that the corpus
annotates: news (FactBank), biomedical and review sentences are annotated for speculation, so
only `speculation` flags count there; the Wikipedia corpora also annotate weasel words, so
`speculation` or `vague_source` flags count. `attribution` never counts. The train files are
split by document into a tuning part (weights are learned on it) and a dev part (see
speculation_data.py); dev is the honest figure.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Score  # type: ignore[import-not-found]
from speculation_data import Example, load  # type: ignore[import-not-found]

from reader.model import FlagKind
from reader.speculation import flag_sentence

SPECULATION = frozenset({FlagKind.SPECULATION})
WIKI = frozenset({FlagKind.SPECULATION, FlagKind.VAGUE_SOURCE})

# (label, corpora, kinds that count as a positive prediction, dev targets: F1, precision)
SETS: list[tuple[str, tuple[str, ...], frozenset[FlagKind], tuple[float, float] | None]] = [
    ("news (FactBank), speculation", ("szeged_factbank",), SPECULATION, (0.78, 0.75)),
    ("CoNLL-2010 wiki, spec+vague", ("conll2010_wiki",), WIKI, (0.60, 0.0)),
    ("both wiki, spec+vague", ("szeged_wiki", "conll2010_wiki"), WIKI, (0.66, 0.70)),
    ("Szeged wiki, spec+vague", ("szeged_wiki",), WIKI, None),
    ("BioScope, speculation", ("bioscope",), SPECULATION, None),
    ("SFU reviews, speculation", ("sfu_review",), SPECULATION, None),
]


def predicted(example: Example, kinds: frozenset[FlagKind]) -> bool:
    """True when the sentence carries a flag of one of ``kinds``."""
    return any(flag.kind in kinds for flag in flag_sentence(example.text))


def main(argv: list[str]) -> int:
    """Print P, R, F1 and F0.5 for every corpus and part; report the dev targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="sample errors to print on dev")
    args = parser.parse_args(argv)
    cache: dict[str, list[Example]] = {}
    shortfalls: list[str] = []
    started = time.perf_counter()
    sentences = 0
    for label, corpora, kinds, target in SETS:
        scores = {"tune": Score(), "dev": Score()}
        errors: list[tuple[str, Example]] = []
        for corpus in corpora:
            examples = cache.setdefault(corpus, load(corpus))
            for example in examples:
                guess = predicted(example, kinds)
                sentences += 1
                scores[example.part].add(guess, example.uncertain)
                if example.part == "dev" and guess != example.uncertain:
                    errors.append(("FP" if guess else "FN", example))
        print(scores["tune"].line(f"{label} [tune]"))
        print(scores["dev"].line(f"{label} [dev]"))
        if target:
            f1, precision = target
            dev = scores["dev"]
            ok = dev.f() >= f1 and dev.precision >= precision
            need = f"F1 >= {f1:.2f}" + (f", P >= {precision:.2f}" if precision else "")
            print(f"{'':40} target on dev: {need}: {'met' if ok else 'NOT MET'}")
            if not ok:
                shortfalls.append(label)
        if args.errors and errors:
            for kind, example in random.Random(0).sample(errors, min(args.errors, len(errors))):
                flags = [(f.kind.value, f.cue) for f in flag_sentence(example.text)]
                print(f"   {kind} {example.text[:150]!r} {flags}")
    elapsed = time.perf_counter() - started
    print(f"\n{sentences} sentences flagged in {elapsed:.1f} s")
    if shortfalls:
        print("targets not met on dev: " + "; ".join(shortfalls))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
