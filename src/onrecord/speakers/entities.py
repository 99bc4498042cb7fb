"""Reading the cast off the parse: named people and organisations, their titles, gender
and the mentions that pronouns and titles later refer back to."""
from __future__ import annotations

import re
from typing import Any

from onrecord.lexicon.grammar import SUBORDINATE_DEPS
from onrecord.lexicon.people import (
    ABBREVIATED_TITLES,
    COURTESY_TITLES,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    HONORIFICS,
    MALE_PRONOUNS,
    MALE_TITLES,
    PERSON_NOUNS,
    ROLE_WORDS,
)
from onrecord.lexicon.sources import ORG_APPOSITION_NOUNS, ORG_WORDS, PLACE_NAME_WORDS
from onrecord.parse.marks import is_abbreviation
from onrecord.parse.paragraphs import Paragraph
from onrecord.speakers.cast import Cast, Known
from onrecord.speakers.genders import first_name_gender
from onrecord.speakers.given import GivenNames, market_body, name_like
from onrecord.speakers.names import leading_role, role_before, titled_person
from onrecord.spelling import edit_distance, fold_accents


def collect(cast: Cast, paras: list[Paragraph]) -> None:
    """Add every PERSON and ORG named in the article to the cast, with titles and appositions."""
    live = [p for p in paras if not p.caption and p.doc is not None]
    given = GivenNames(live)
    for label in ("PERSON", "ORG"):  # people first, so "Size" tagged ORG can find Roni Size
        for para in live:
            for ent in para.doc.ents:
                if ent.label_ == label or (label == "ORG" and ent.label_ == "GPE"):
                    _collect_entity(cast, para, ent, given)
        if label == "PERSON":
            for para in live:
                _titled_names(cast, para)
                _untagged_people(cast, para) if para.parsed else _untagged_people_unparsed(cast, para)
                _given_name_people(cast, para, given)
    for para in live:
        _untagged_surnames(cast, para)
    for para in live:
        if not para.parsed:
            continue
        _nominal_subjects(cast, para)
        _gender_evidence(cast, para)
    _things_tagged_as_people(cast)
    cast.mentions.sort(key=lambda m: m.pos)


def _things_tagged_as_people(cast: Cast) -> None:
    """A one-word "person" the article's own pronouns call "it" ("Facebook told employees it
    is ...", "... to its own team"), never "he" or "she", with no first name or honorific,
    is an organisation the model tagged as a person."""
    for k in list(cast.known):
        v = k.votes
        if k.kind == "person" and v.get("org-noun", 0) and \
                not any(v.get(g, 0) for g in ("m", "f", "weak-m", "weak-f", "he")):
            cast.as_organization(k)  # "Dixon Hall, a non-profit agency"
            continue
        if k.kind == "person" and len(k.words) == 1 and v.get("its", 0) >= 1 and \
                v.get("it", 0) + v.get("its", 0) >= 2 and \
                not any(v.get(g, 0) for g in ("m", "f", "weak-m", "weak-f", "he")) and \
                first_name_gender(k.words[0]) is None:
            cast.as_organization(k)


# "Mayor Ana Ruiz", "Dr. Helena Voss": a title or honorific, then one to three capitalised words.
_TITLED = re.compile(r"\b(?P<role>[A-Z][a-z]+\.?)\s+(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2})")


def _titled_names(cast: Cast, para: Paragraph) -> None:
    """People the model did not tag, named after a title: "Mayor Ana Ruiz spoke on Monday"."""
    text = para.text
    for m in _TITLED.finditer(text):
        role = fold_accents(m.group("role")).rstrip(".")
        if role not in ROLE_WORDS and role not in HONORIFICS:
            continue
        if m.group("role").endswith(".") and role.lower() not in ABBREVIATED_TITLES and \
                not is_abbreviation(text, m.end("role") - 1):
            continue  # "... become King or Queen. But the charges": a sentence ends there
        lo, hi = para.start + m.start("name"), para.start + m.end("name")
        span = para.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None or any(t.ent_type_ for t in span) or para.in_quote(span[0]):
            continue  # the model's own entities come first
        words = m.group("name").split()
        if (len(words) < 2 and role not in HONORIFICS) or \
                fold_accents(words[-1]).lower() in PLACE_NAME_WORDS:
            continue  # "Imam Khomeini International Airport" is a place
        k = cast.person(m.group("name"), lo, hi)
        if k is None:
            continue
        if role in ROLE_WORDS:
            k.add_title(m.group("role").rstrip("."))
        if role in MALE_TITLES or role in FEMALE_TITLES:  # "Queen Ana Ruiz" is a woman
            k.vote("m" if role in MALE_TITLES else "f")
        first = m.start() == 0 or text[:m.start()].rstrip()[-1:] in ".!?"
        subject = span.root.dep_ in ("nsubj", "nsubjpass") if para.parsed else first
        cast.note(lo, k, subject, main_clause(span.root) if para.parsed else True)


def _untagged_people(cast: Cast, para: Paragraph) -> None:
    """People the model did not tag as people, named as a subject with an apposition that
    says so: "Roman, a resident of the area, said", "Aiyana, 34, was asleep" (a name it
    tagged as a place or an organisation, or not at all). The sentence's own pronouns give
    a gender, as for any person."""
    doc = para.doc
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass") or \
                tok.ent_type_ == "PERSON" or not tok.text[:1].isupper() or para.in_quote(tok):
            continue
        words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
        if len(words) > 3 or words[-1].i - words[0].i != len(words) - 1 or \
                any(not t.is_alpha or not t.text[:1].isupper() or
                    fold_accents(t.text) in ORG_WORDS for t in words):
            continue
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and (ent.start, ent.end) != (words[0].i, tok.i + 1):
            continue  # part of a longer name: not ours to retag
        appos = next((c for c in tok.rights if c.dep_ == "appos"), None)
        if appos is None or not (appos.lower_ in PERSON_NOUNS or appos.lower_ in ROLE_WORDS
                                 or _age(appos, tok)):
            continue
        lo, hi = para.char(words[0]), para.char_end(tok)
        k = cast.person(doc[words[0].i:tok.i + 1].text, lo, hi)
        if k is None:
            continue
        if not _age(appos, tok):
            title = doc[appos.left_edge.i:appos.i + 1].text
            if len(title.split()) <= 8:
                k.add_title(title)
        cast.note(lo, k, True, main_clause(tok))
        sent = tok.sent
        if any(e.label_ == "PERSON" for e in sent.ents):
            continue
        _vote_by_pronouns(k, [t.lower_ for t in sent if t.i > tok.i and not para.in_quote(t)])


# A sentence opening with a name and an apposition that says it is a person's: "Yuni, a
# resident of Lampung, was asleep", "Aiyana, 34, was asleep" (for sentences left unparsed).
_NAME_THEN_PERSON = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}),\s+"
    r"(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)\b|(?P<age>\d{1,2}),)")


_CAPITALISED = re.compile(r"\b[A-Z][a-z’'-]{3,}\b")


def _untagged_surnames(cast: Cast, para: Paragraph) -> None:
    """A known person's surname the model did not tag at this place ("Niederreiter has four
    goals", tagged only further on) is still a mention of them, when one person alone has
    that surname. A subheading ("Trump threatens interference", no full stop) is no
    sentence a later pronoun looks back to."""
    doc = para.doc
    if not para.text.rstrip().endswith((".", "!", "?", "\"", "”", "’", "'", ":", ")")):
        return
    for m in _CAPITALISED.finditer(para.text):
        people = cast.people_with_surname(m.group())
        if len(people) != 1:
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span[0].ent_type_ or para.in_quote(span[0]):
            continue
        tok = span[0]
        lo = para.start + m.start()
        if any(a <= lo < b for a, b in people[0].mentions):
            continue  # the end of a full name already read ("Farid Thistlewood")
        if para.parsed and tok.pos_ != "PROPN":
            continue
        subject, main = _role(para, tok, tok.i)
        people[0].add_mention(lo, para.start + m.end(), "")
        cast.note(lo, people[0], subject, main)


# Two or three capitalised words in a row: a name the model may have missed.
_NAME_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}(?![\w’'-])")


def _given_name_people(cast: Cast, para: Paragraph, given: GivenNames) -> None:
    """A name the model did not tag (or tagged as a work of art or a nationality) that opens
    with a clear given name and acts as a person ("Farid Thistlewood spoke on Tuesday.
    ... Thistlewood said")."""
    doc = para.doc
    for m in _NAME_RUN.finditer(para.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or para.in_quote(span[0]) or \
                any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in span):
            continue
        words = m.group().split()
        if not name_like(words) or not given.is_person(m.group()):
            continue
        lo = para.start + m.start()
        k = cast.person(m.group(), lo, para.start + m.end())
        if k is None:
            continue
        cast.note(lo, k, *_role(para, span.root, span.start))


def _untagged_people_unparsed(cast: Cast, para: Paragraph) -> None:
    """`_untagged_people` on the surface, for a paragraph the parser did not read."""
    text = para.text
    for m in _NAME_THEN_PERSON.finditer(text):
        noun = m.group("noun")
        if noun is not None and noun not in PERSON_NOUNS and noun not in ROLE_WORDS:
            continue
        span = para.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None or para.in_quote(span[0]) or \
                any(fold_accents(w) in ORG_WORDS for w in m.group("name").split()):
            continue
        ents = {(t.ent_type_, t.ent_iob_) for t in span}
        ent = next((e for e in para.doc.ents if e.start <= span[0].i < e.end), None)
        if any(kind == "PERSON" for kind, _ in ents) or (
                ent is not None and (ent.start, ent.end) != (span.start, span.end)):
            continue
        lo, hi = para.start + m.start("name"), para.start + m.end("name")
        k = cast.person(m.group("name"), lo, hi)
        if k is None:
            continue
        cast.note(lo, k, True)
        end = text.find(". ", m.end())
        after = _WORDS.findall(text[m.end():end if end > 0 else len(text)].lower())
        if any(e.label_ == "PERSON" and e.start_char > m.end() for e in para.doc.ents
               if end < 0 or e.start_char < end):
            continue
        _vote_by_pronouns(k, after)


_WORDS = re.compile(r"[a-z]+")


def _vote_by_pronouns(k: Known, after: list[str]) -> None:
    """A weak gender vote for `k` when the words after its name hold pronouns of one gender."""
    male = sum(w in MALE_PRONOUNS for w in after)
    female = sum(w in FEMALE_PRONOUNS for w in after)
    if male and not female:
        k.vote("m", strong=False)
    elif female and not male:
        k.vote("f", strong=False)


def _age(appos: Any, name: Any) -> bool:
    """"Aiyana, 34,": a number alone right after the name, set off by commas, is an age."""
    return appos.like_num and appos.i == name.i + 2 and appos.text.isdigit() and \
        0 < int(appos.text) < 120 and appos.i + 1 < len(appos.doc) and \
        appos.doc[appos.i + 1].text == ","


def _role(para: Paragraph, root: Any, start: int) -> tuple[bool, bool]:
    """(subject, in the main clause) of a name with head token `root` and first token
    `start`; in an unparsed sentence, a name that opens it is most likely its subject."""
    if para.parsed:
        return root.dep_ in ("nsubj", "nsubjpass"), main_clause(root)
    return start == 0 or para.doc[start - 1].text in (".", "!", "?"), True


def _collect_entity(cast: Cast, para: Paragraph, ent: Any, given: GivenNames | None = None) -> None:
    lo, hi = para.char(ent[0]), para.char_end(ent[-1])
    quoted = para.in_quote(ent[0])
    subject, main = _role(para, ent.root, ent.start)
    if ent.label_ in ("ORG", "GPE") and not quoted and given is not None and \
            given.is_person(ent.text):  # "Marta Sørlie spoke ... Sørlie said", tagged ORG
        k = cast.person(ent.text, lo, hi)
        if k is not None:
            cast.note(lo, k, subject, main)
            return
    if ent.label_ == "GPE":
        return  # places are not collected
    titled = titled_person(ent.text) if ent.label_ == "ORG" else None
    if titled is not None:  # "Hereditary Chief Na'moks" tagged as an organisation
        k = cast.person(titled[1], hi - len(titled[1]), hi)
        if k is not None:
            k.add_title(titled[0])
            if not quoted:
                cast.note(lo, k, subject, main)
            return
    known = cast.by_surname(ent.text) if ent.label_ == "ORG" else None
    if known is not None:  # "El Amrani" tagged as an organisation
        known.add_mention(lo, hi, ent.text)
        if not quoted:
            cast.note(lo, known, subject, main)
        return
    if ent.label_ == "ORG" and len(ent) == 1:
        known = cast.lookup_word(ent.text, person_only=True) or \
            cast.lookup_word(ent.text, person_only=True, fuzzy=True)
        if known is not None and edit_distance(fold_accents(known.words[-1]),
                                               fold_accents(ent.text)) <= 1:
            known.add_mention(lo, hi, ent.text)
            if not quoted:
                cast.note(lo, known, subject, main)
            return
    if ent.label_ == "ORG" and para.parsed and role_before(ent):
        k = cast.person(ent.text, lo, hi)  # "economist Philip Cross" tagged as an organisation
        if k is not None:
            if not quoted:
                cast.note(lo, k, subject, main)
            return
    if ent.label_ == "PERSON":
        first = given.given_name_before(para, ent) if given is not None else None
        if first is not None:  # "Pavel Kowalczyk" tagged as "Kowalczyk" alone
            lo = para.char(first)
        k = cast.person(para.text[lo - para.start:hi - para.start], lo, hi)
        if k is None or quoted:
            return
        if para.parsed:  # the tagger's word class ("Coal has vanished": a common noun)
            noun = "proper-noun" if any(t.pos_ == "PROPN" for t in ent) else "common-noun"
            k.sign(noun)
        if market_body(para, ent.start_char, ent.end_char):  # "Kessler stock climbed"
            k.sign("body-sign")
        if para.parsed and _organisation_apposition(ent):
            k.sign("org-noun")
        if para.parsed:
            _conjoined_names(cast, para, ent)
        for title in titles_of(para, ent) if para.parsed else [leading_role(ent.text)]:
            if title and (first is None or title != first.text):
                k.add_title(title)
        cast.note(lo, k, subject, main)
    elif not quoted:
        cast.note(lo, cast.organization(ent.text, lo, hi), subject, main)


def _organisation_apposition(ent: Any) -> bool:
    """"Dixon Hall, a non-profit agency that ...": an apposition headed by an organisation's
    noun says the "person" is an organisation."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and any(
        c.dep_ == "appos" and c.lower_ in ORG_APPOSITION_NOUNS and c.left_edge.i == ent.end + 1
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
        for c in ent.root.children)


def main_clause(subj: Any) -> bool:
    """A subject's clause is not subordinate to another: no adverbial or relative clause on
    the way up to the sentence's root ("Although Trump tweeted", "the text Olazabal sent");
    a reported clause is not subordinate here ("Lee said Trump would ...")."""
    v = subj.head
    for _ in range(20):
        if v.dep_ in SUBORDINATE_DEPS or any(c.dep_ == "mark" and c.lower_ != "that"
                                             for c in v.children):
            return False
        if v.head.i == v.i:
            return True
        v = v.head
    return True


def _conjoined_names(cast: Cast, para: Paragraph, ent: Any) -> None:
    """"Gabriela Ruiz and Annie Park": a full name joined to a person's is a person too."""
    for c in ent.root.children:
        if c.dep_ != "conj" or c.pos_ != "PROPN" or c.ent_type_ == "PERSON":
            continue
        first = [t for t in c.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if len(first) == 1 and first[0].i == c.i - 1 and first[0].text[:1].isupper():
            cast.person(f"{first[0].text} {c.text}", para.char(first[0]), para.char_end(c))


def _nominal_subjects(cast: Cast, para: Paragraph) -> None:
    """"the chancellor is leaving ...": a title standing for a person is a mention of them."""
    for t in para.doc:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and not para.in_quote(t) and \
                any(c.lower_ == "the" for c in t.lefts):
            k = cast.by_title(t.lower_, para.char(t))
            if k is not None:
                cast.note(para.char(t), k, True)


def _gender_evidence(cast: Cast, para: Paragraph) -> None:
    """Honorifics (Mr, Ms) and the pronouns of sentences about one person give a gender."""
    doc = para.doc
    for sent in doc.sents:
        people = [e for e in sent.ents if e.label_ == "PERSON" and not para.in_quote(e[0])]
        for e in people:
            prev = doc[e.start - 1].lower_.rstrip(".") if e.start > 0 else ""
            k = cast.person(e.text, para.char(e[0]), para.char_end(e[-1]))
            if k is None:
                continue
            if prev in MALE_TITLES or fold_accents(e[0].text).rstrip(".") in MALE_TITLES:
                k.vote("m")
            elif prev in FEMALE_TITLES or fold_accents(e[0].text).rstrip(".") in FEMALE_TITLES:
                k.vote("f")
        if len({fold_accents(e.text.split()[-1]) for e in people}) != 1:
            continue
        k = cast.person(people[0].text, para.char(people[0][0]), para.char_end(people[0][-1]))
        if k is None or people[0].root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        after = [t.lower_ for t in sent if t.i > people[0].end and not para.in_quote(t)]
        m = sum(w in MALE_PRONOUNS for w in after)
        f = sum(w in FEMALE_PRONOUNS for w in after)
        if m and not f:
            k.vote("m", strong=False)
        elif f and not m:
            k.vote("f", strong=False)
        elif m or f:
            k.sign("he")  # both: a person's sentence all the same
    for sent in doc.sents:  # "it"/"its" after a one-word "person" (_things_tagged_as_people)
        subj = [t for t in sent if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")
                and t.ent_type_ in ("PERSON", "ORG", "") and not para.in_quote(t)
                and not any(c.dep_ == "compound" for c in t.children)]
        if len(subj) != 1:
            continue
        k = cast.lookup_word(subj[0].text, person_only=True)
        if k is None or len(k.words) != 1:
            continue
        after = [t.lower_ for t in sent if t.i > subj[0].i and not para.in_quote(t)]
        if any(w in MALE_PRONOUNS or w in FEMALE_PRONOUNS for w in after):
            k.sign("he")
            continue
        for w in ("it", "its"):
            if w in after:
                k.sign(w, after.count(w))


def titles_of(para: Paragraph, ent: Any) -> list[str]:
    """Titles and roles given with a name: "NDP Leader Jagmeet Singh", "Braun, a professor",
    "said Dr. Helena Voss, a freshwater ecologist" (the honorific alone is not a title)."""
    out = [t for t in (_left_title(para, ent), leading_role(ent.text), _appos_title(para, ent)) if t]
    return [t for t in out
            if not all(fold_accents(w).rstrip(".") in COURTESY_TITLES for w in t.split())]


def _left_title(para: Paragraph, ent: Any) -> str | None:
    head = ent.root
    doc = para.doc
    # Words before the name inside its noun phrase ("Foreign Affairs Minister").
    left = [t for t in head.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if left:
        lo = min(t.left_edge.i for t in left)
        for k in range(lo, ent.start):  # "Knight and drum 'n' bass star Roni Size"
            if doc[k].pos_ == "CCONJ" or doc[k].ent_type_ == "PERSON" or (
                    doc[k].is_punct and doc[k].text != "-"):
                lo = k + 1
        while (lo < ent.start and doc[lo].dep_ in ("det", "poss", "case")) or \
                (lo < ent.start and doc[lo].tag_ == "POS"):
            lo += 1
        words = doc[lo:ent.start]
        if words and any(t.text[:1].isupper() or t.pos_ == "NOUN" for t in words) and \
                not any(t.ent_type_ == "PERSON" for t in words):
            text = words.text.strip(" ,")
            if text and len(text.split()) <= 8:
                return text
    return None


def _appos_title(para: Paragraph, ent: Any) -> str | None:
    head = ent.root
    doc = para.doc
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < ent.start:
        role = head.head  # "The chief librarian, Helen Osei, said"
        lo = min([role.i] + [t.left_edge.i for t in role.lefts
                             if t.dep_ in ("det", "amod", "compound", "poss", "nmod")])
        text = doc[lo:role.i + 1].text
        if len(text.split()) <= 8:
            return text
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and c.ent_type_ != "PERSON":
            toks = list(c.subtree)
            text = doc[toks[0].i:toks[-1].i + 1].text.strip(" ,")
            if 1 <= len(text.split()) <= 14 and any(t.is_alpha for t in toks):
                return text
    return None
