"""Runs of one pronoun in the narration: how far back *he* or *she* keeps a person in reach.

A subject *he* whose previous sentences have the same pronoun as their main subject
refers to whoever the first of them does (:meth:`PronounRuns._chain_head`), and
pronouns of one gender outside quotations, each within reach of the next, keep talking
about one person (:meth:`PronounRuns._chain_start`). :class:`~quotecraft.speaker_pronouns.PronounTable`
builds on these. Each run is walked once per document, so a long text of one pronoun
stays linear.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from .speaker_features import gendered_pronouns, pronouns
from .speaker_names import tokens_lowered
from .speaker_voice import VoicedEntityTable

PRONOUN_REACH = 12
"""How many sentences back a pronoun looks for an antecedent that is the only one agreeing."""


class PronounRuns(VoicedEntityTable):
    """A :class:`~quotecraft.speaker_voice.VoicedEntityTable` that knows the runs of *he*
    and *she* in the narration."""

    _chains: dict[str, list[int]] | None = None
    """Sentences with *he* / *she* in the narration, by gender (built on first use)."""
    _starts: dict[str, dict[int, int]] | None = None
    """The first sentence of the run each sentence is in, by gender (filled as asked)."""

    def _chain_head(self, pron_tok: Token, gender: str) -> Token | None:
        """The first of a run of sentences whose main subject is this pronoun, before it.

        A subject *he* (or *she*) in the narration whose previous sentences have the same
        pronoun as their main subject continues them: it refers to whoever the first of
        them does (``She had made dinner. She had painted the ham while Gil sang. “Her
        boys,” as she called them ...``: not Gil). None when the previous sentence's main
        subject is not the same pronoun.
        """
        if (
            gender not in ("male", "female")
            or pron_tok.dep_ not in ("nsubj", "nsubjpass")
            or self._inside_quote(pron_tok.idx)
        ):
            return None
        table = pronouns()
        tok, head = pron_tok, None
        for _ in range(PRONOUN_REACH):
            start = tok.sent.start
            if start == 0:
                break
            root = self.doc[start - 1].sent.root
            subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (
                len(subjects) != 1
                or subjects[0].pos_ != "PRON"
                or table.get(subjects[0].lower_) != gender
                or self._inside_quote(subjects[0].idx)
            ):
                break
            tok = head = subjects[0]
        return head

    def _chain_start(self, sent: int, gender: str) -> int:
        """The first sentence of the run of *he* (or *she*) before sentence ``sent``.

        Pronouns of one gender outside quotations, each within reach of the next, keep
        talking about one person: ``Vera stayed. She did not sleep. [...] She laughed.``
        """
        sents = self._pronoun_sentences().get(gender, [])
        if self._starts is None:
            self._starts = {}
        known = self._starts.setdefault(gender, {})  # each run walked once: linear in all
        path, start = [], sent
        while start not in known:
            k = bisect_left(sents, start - PRONOUN_REACH)
            if k >= len(sents) or sents[k] >= start:
                known[start] = start
                break
            path.append(start)
            start = sents[k]
        for p in path:
            known[p] = known[start]
        return known[start]

    def _pronoun_sentences(self) -> dict[str, list[int]]:
        """Sentence ids holding a *he* or *she* (by gender) outside quotations, sorted."""
        if self._chains is None:
            table = pronouns()
            chains: dict[str, list[int]] = {}
            for t in tokens_lowered(self.doc, gendered_pronouns()):
                gender = table[t.lower_]
                if t.pos_ == "PRON" and not self._inside_quote(t.idx):
                    sents = chains.setdefault(gender, [])
                    if not sents or sents[-1] != self._sent_of[t.i]:
                        sents.append(self._sent_of[t.i])
            self._chains = chains
        return self._chains
