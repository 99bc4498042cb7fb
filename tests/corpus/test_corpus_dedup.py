"""MinHash LSH grouping on mirrors made by corrupting the test stories."""
import random

from corpus_articles import STORIES, mirror, story_text

from onrecord.corpus.dedup import NearDuplicates, shingles, signature


def test_every_mirror_joins_its_own_story_and_no_other():
    docs = []
    for i in range(len(STORIES)):
        docs.append((i, story_text(i)))
        docs += [(i, mirror(story_text(i), seed, noise=0.06)) for seed in range(4)]
    random.Random(3).shuffle(docs)  # a mirror may come before its original
    nd = NearDuplicates()
    for k, (_, text) in enumerate(docs):
        nd.assign(str(k), signature(text))
    group = {k: nd.canonical.get(str(k), str(k)) for k in range(len(docs))}
    for k, (story, _) in enumerate(docs):
        same = {j for j, (s, _) in enumerate(docs) if group[j] == group[k]}
        assert same == {j for j, (s, _) in enumerate(docs) if s == story}


def test_an_article_bridging_two_groups_joins_them_under_the_older_canonical():
    text = story_text(0)
    # two noisy copies too far apart to match each other, each close to the original
    a, b = mirror(text, 2, noise=0.1), mirror(text, 8, noise=0.1)
    nd = NearDuplicates()
    assert nd.assign("a", signature(a)) is None
    assert nd.assign("b", signature(b)) is None
    bridged = nd.assign("orig", signature(text))
    assert bridged is not None and bridged.canonical == "a"
    assert [old for old, _ in bridged.merged] == ["b"]
    assert nd.canonical == {"b": "a", "orig": "a"}
    assert sorted(nd.members["a"]) == ["b", "orig"]


def test_bridged_groups_are_one_group_in_the_store(tmp_path):
    from onrecord.corpus.store import Store
    from onrecord.model import Article

    text = story_text(0)
    copies = [Article(id=f"m{s}", text=mirror(text, s, noise=0.1)) for s in (2, 8)]
    with Store(tmp_path / "b.duckdb") as st:
        st.add(copies)
        assert st.stats()["duplicates"] == 0
        st.add([Article(id="orig", text=text)])
        stats = st.stats()
        assert (stats["articles"], stats["duplicates"], stats["canonical"]) == (3, 2, 1)
        canon = {r[0] for r in st.con.execute("SELECT canonical_id FROM duplicates").fetchall()}
        assert len(canon) == 1
        assert len(st.article(canon.pop())["copies"]) == 2


def test_a_different_story_in_the_same_words_is_not_a_copy():
    nd = NearDuplicates()
    a = story_text(0)
    nd.assign("a", signature(a))
    # the same vocabulary, every sentence in another order: few shared 3-word shingles
    words = a.split()
    shuffled = " ".join(random.Random(1).sample(words, len(words)))
    assert len(shingles(a) & shingles(shuffled)) / len(shingles(a) | shingles(shuffled)) < 0.2
    assert nd.assign("b", signature(shuffled)) is None


def test_signature_is_stable_bytes_and_empty_text_has_none():
    s = signature(story_text(1))
    assert isinstance(s, bytes) and len(s) == 128 * 4 and s == signature(story_text(1))
    assert signature("  ... ") is None
    nd = NearDuplicates()
    assert nd.assign("x", None) is None
