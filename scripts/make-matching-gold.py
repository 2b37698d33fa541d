#!/usr/bin/env python3
"""Builds Corpora/GlossaryMatching/matching-gold.tsv from the UD Indonesian treebanks.

Each row is a word as it stands in a sentence of the treebanks, a term, and whether a glossary
term written so must match that word (1) or must not (0):

- must match: a word with a clitic (the treebank's multi-word tokens: `keuangannya` = `keuangan`
  + `nya`) and its host; a reduplicated word and its half; a verb the treebank marks for voice
  (Voice=Act/Pass) with a meN-, di-, ter-, memper- or diper- prefix, and its lemma (`dilakukan`,
  `laku`): inflection of one lexeme.
- must not match: a noun whose lemma differs from it (`keuangan`, lemma `uang`; `pemerintah`,
  lemma `perintah`): the treebanks' lemmas strip derivation (ke-an, pe(N)-an, per-an, pe(N)-,
  -an), which makes a new lexeme, so a term for the lemma must not match the noun.

The labels come from the treebanks' annotation (multi-word tokens, part of speech, voice,
lemma), not from Selaras. ber- verbs are left out: whether `berhasil` is `hasil` inflected is
what linguists disagree on. The most frequent cases of each kind are kept, in balance.
Usage: scripts/make-matching-gold.py ../shared/data/ud-indonesian > Corpora/GlossaryMatching/matching-gold.tsv
"""
import collections, glob, os, re, sys

folder = sys.argv[1]
words = collections.Counter()
clitics = collections.Counter()
redup = collections.Counter()
for path in sorted(glob.glob(os.path.join(folder, "*.conllu"))):
    lines = open(path, encoding="utf-8").read().split("\n")
    mwt = None
    for line in lines:
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            continue
        if "-" in cols[0]:
            start, end = map(int, cols[0].split("-"))
            mwt = (start, end, cols[1].lower(), [])
            continue
        if "." in cols[0]:
            continue
        index = int(cols[0])
        form, lemma, upos, feats = cols[1].lower(), cols[2].lower(), cols[3], cols[5]
        if mwt and mwt[0] <= index <= mwt[1]:
            mwt[3].append(form)
            if index == mwt[1]:
                surface, parts = mwt[2], mwt[3]
                if len(parts) == 2 and parts[1] in ("nya", "ku", "mu", "lah", "kah", "pun") \
                        and surface == parts[0] + parts[1] and re.fullmatch(r"[a-z]{3,}", parts[0]):
                    clitics[(surface, parts[0])] += 1
                mwt = None
            continue
        if not re.fullmatch(r"[a-z-]+", form) or not re.fullmatch(r"[a-z]+", lemma):
            continue
        if "-" in form:
            first, _, second = form.partition("-")
            if first == second and len(first) >= 3:
                redup[(form, first)] += 1
            continue
        if form == lemma or len(lemma) < 3:
            continue
        if upos == "VERB" and re.search(r"Voice=(Act|Pass)", feats) \
                and re.match(r"(memper|diper|me|di|ter)", form):
            words[(form, lemma, 1)] += 1
        elif upos == "NOUN" and (re.match(r"(ke|pe|per)", form) or form.endswith("an")):
            words[(form, lemma, 0)] += 1

def top(counter, n):
    return [key for key, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:n]]

verbs = top(collections.Counter({k: v for k, v in words.items() if k[2] == 1}), 90)
nouns = top(collections.Counter({k: v for k, v in words.items() if k[2] == 0}), 170)
rows = [(w, l, 1, "verb voice") for w, l, _ in verbs]
rows += [(s, h, 1, "clitic") for s, h in top(clitics, 60)]
rows += [(f, h, 1, "reduplication") for f, h in top(redup, 20)]
rows += [(w, l, 0, "derived noun") for w, l, _ in nouns]
print("# word\tterm\tmust_match\tkind  (made by scripts/make-matching-gold.py; see SOURCE.md)")
for word, term, label, kind in rows:
    print(f"{word}\t{term}\t{label}\t{kind}")
