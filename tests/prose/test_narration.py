"""Where and when something was said is the writer's narration; what was said is the speaker's."""

from __future__ import annotations

from checker.prose.attribution import Mention
from checker.prose.voice import Voice, voice_of


def _voice(prose: str, fact: str, names: dict[str, str]) -> Voice:
    mentions = sorted(
        (Mention(entity, written, prose.index(written), prose.index(written) + len(written))
         for written, entity in names.items()),
        key=lambda m: m.start,
    )  # fmt: skip
    start = prose.index(fact)
    return voice_of(prose, mentions, (start, start + len(fact)))


HUFFPOST = (
    '"We have learned something important since the days that I served in Vietnam," '
    "Mr. Blumenthal said to the group gathered in Norwalk in March 2008."
)
BLUMENTHAL = {"Blumenthal": "richard-blumenthal"}


def test_the_place_of_a_speech_is_the_writer_s() -> None:
    assert _voice(HUFFPOST, "Norwalk", BLUMENTHAL) == Voice(False, None, False)


def test_the_time_of_a_speech_is_the_writer_s() -> None:
    assert _voice(HUFFPOST, "March 2008", BLUMENTHAL) == Voice(False, None, False)


def test_the_quotation_before_the_verb_is_still_the_speaker_s() -> None:
    voice = _voice(HUFFPOST, "I served in Vietnam", BLUMENTHAL)
    assert voice == Voice(True, "richard-blumenthal", False)


def test_the_scene_after_an_addressee_of_telling_is_the_writer_s() -> None:
    prose = "Kice told reporters in Pasadena on Monday that the agreement had ended."
    names = {"Kice": "virginia-kice"}
    assert _voice(prose, "Pasadena", names) == Voice(False, None, False)
    assert _voice(prose, "had ended", names) == Voice(True, "virginia-kice", False)


def test_the_scene_after_the_speaker_s_name_is_the_writer_s() -> None:
    prose = "The memorandum is still in effect, said Kice at a meeting in Pasadena."
    assert _voice(prose, "Pasadena", {"Kice": "virginia-kice"}) == Voice(False, None, False)


def test_a_place_in_what_is_said_stays_the_speaker_s() -> None:
    names = {"Blumenthal": "richard-blumenthal"}
    for prose in (
        "Blumenthal said that he spoke in Norwalk in March 2008.",
        "Blumenthal said he spoke in Norwalk in March 2008.",
        "Blumenthal said the event was held in Norwalk.",
        "Blumenthal said: in Norwalk, the event was held.",
        'Blumenthal said "in Norwalk" twice.',
    ):
        assert _voice(prose, "Norwalk", names).attributed, prose


def test_an_object_of_telling_with_a_clause_stays_the_speaker_s() -> None:
    prose = "Kice told reporters the agreement in Pasadena was over."
    assert _voice(prose, "Pasadena", {"Kice": "virginia-kice"}).attributed


def test_a_scene_opening_with_no_preposition_stays_the_speaker_s() -> None:
    prose = "Kice said the agreement in Pasadena ended."
    assert _voice(prose, "Pasadena", {"Kice": "virginia-kice"}).attributed
