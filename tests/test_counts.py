"""The graphbuild_counts component, on the real English model (counts read the parse)."""
from graphbuild.nlp.counts import INJURED, KILLED


def counted(pipeline, text):
    doc = pipeline.nlp(text)
    return ([(s.text, s._.killed) for s in doc.spans[KILLED]], [(s.text, s._.injured) for s in doc.spans[INJURED]])


def test_killed_and_injured_are_counted_per_sentence(pipeline):
    killed, injured = counted(pipeline, "Gunmen killed two soldiers and three civilians in Gao. "
                                        "Four people were wounded in the blast.")
    assert killed == [("two soldiers and three civilians", 5)]
    assert injured == [("Four people", 4)]


def test_no_casualties_is_zero_killed(pipeline):
    killed, injured = counted(pipeline, "The rocket hit an empty field and no casualties were reported.")
    assert [value for _, value in killed] == [0]
    assert injured == []


def test_a_range_counts_its_lower_bound(pipeline):
    killed, _ = counted(pipeline, "Between 10 and 12 militants were killed in the raid.")
    assert [value for _, value in killed] == [10]

