"""Claims: the cue lexicon, its context rules and the flags (speculation, vague source, attribution)."""
