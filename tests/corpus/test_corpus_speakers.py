"""Cross-article speaker keys: forms of one name join, people who share a surname stay apart."""
from onrecord.corpus.speakers import SpeakerRegistry, title_key, titles_match
from onrecord.spelling import fold_words


def test_fold_removes_accents_case_and_punctuation():
    assert fold_words("Mélanie  JOLY") == "melanie joly"
    assert fold_words("O’Neil, Jr.") == "o'neil jr"


def test_titles_match_ignores_word_order_and_function_words():
    assert titles_match([title_key("Foreign Affairs Minister")],
                        [title_key("Minister of Foreign Affairs")])
    assert not titles_match([title_key("Finance Minister")], [title_key("baker")])


def test_an_honorific_is_not_a_shared_title():
    reg = SpeakerRegistry()
    a = reg.resolve("John Smith", titles=["Mr"]).speaker_id
    b = reg.resolve("Adam Smith", titles=["Mr"]).speaker_id
    assert reg.resolve("Smith", titles=["Mr"]).speaker_id not in (a, b)
    only = SpeakerRegistry()
    c = only.resolve("John Smith", titles=["Mr", "mayor"]).speaker_id
    assert only.resolve("Mr Smith", titles=["Mr"]).speaker_id == c


def test_forms_of_one_name_are_one_speaker():
    reg = SpeakerRegistry()
    a = reg.resolve("Melanie Joly", titles=["Foreign Affairs Minister"]).speaker_id
    assert reg.resolve("Mélanie Joly").speaker_id == a
    assert reg.resolve("Joly", titles=["Minister of Foreign Affairs"]).speaker_id == a
    assert reg.resolve("Ms. Joly").speaker_id == a  # only one Joly known, no clash


def test_people_sharing_a_surname_stay_apart():
    reg = SpeakerRegistry()
    minister = reg.resolve("Melanie Joly", titles=["Foreign Affairs Minister"]).speaker_id
    baker = reg.resolve("Jean Joly", titles=["baker"]).speaker_id
    assert minister != baker
    assert reg.resolve("Joly", titles=["baker"]).speaker_id == baker
    assert reg.resolve("Joly", titles=["Foreign Affairs Minister"]).speaker_id == minister
    untitled = reg.resolve("Joly").speaker_id  # two Jolys known: a bare surname is neither
    assert untitled not in (minister, baker)


def test_bare_surname_seen_first_merges_into_the_full_name_with_the_same_title():
    reg = SpeakerRegistry()
    bare = reg.resolve("Joly", titles=["Foreign Affairs Minister"]).speaker_id
    res = reg.resolve("Melanie Joly", titles=["Foreign Affairs Minister"])
    assert res.merged == [bare]
    assert reg.live(bare) == res.speaker_id
    assert reg.resolve("Joly", titles=["Foreign Affairs Minister"]).speaker_id == res.speaker_id
    other = reg.resolve("Joly", titles=["baker"]).speaker_id
    assert other != res.speaker_id


def test_organisations_key_without_leading_article():
    reg = SpeakerRegistry()
    a = reg.resolve("The Port Authority", kind="organization").speaker_id
    assert reg.resolve("port authority", kind="organization").speaker_id == a
    assert reg.resolve("Port Authority", kind="person").speaker_id != a


def test_registry_reloads_from_its_speakers():
    reg = SpeakerRegistry()
    a = reg.resolve("Melanie Joly", titles=["Foreign Affairs Minister"]).speaker_id
    again = SpeakerRegistry(reg.take_dirty())
    assert again.resolve("Joly", titles=["Foreign Affairs Minister"]).speaker_id == a
    assert again.resolve("Ann Lee").speaker_id not in (None, a)
