"""Claims: the cue lexicon, its context rules, sources, and the flags each sentence carries."""
