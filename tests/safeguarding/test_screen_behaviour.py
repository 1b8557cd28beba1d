"""What a helper and a child rely on, one behaviour at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from safeguarding import (
    classifier,
    patterns,
    screen,
    screen_many,
    screen_tiers,
    screen_tiers_many,
)
from safeguarding.train import LABELLED, REVIEW_RECALL_GOAL, choose_thresholds
from safeguarding.units import prepare


def caught(text: str, kind: str = "safeguarding") -> bool:
    tiers = screen_tiers(text)
    return kind in tiers.kinds or kind in tiers.review_kinds


@pytest.mark.parametrize(
    "text",
    [
        "my stepdad h1ts me",
        "he tuched me",
        "sumone hurtz me at hom",
        "when i was 7 he used to beat me",
        "KMS",
        "i wanna DIE",
    ],
)
def test_text_speak_misspelling_and_past_tense_are_caught(text: str) -> None:
    assert caught(text)


def test_an_unmistakable_disclosure_is_urgent() -> None:
    assert "safeguarding" in screen("my dad hits me with his belt")


@pytest.mark.parametrize(
    "text", ["PE is killing me", "I got a new school bag", "my favourite lesson is art", "ok"]
)
def test_ordinary_school_talk_raises_no_alarm(text: str) -> None:
    assert screen(text) == []


def test_a_disclosure_inside_a_long_message_is_not_diluted() -> None:
    text = (
        "I like maths and my teacher is nice and I have friends and we play football at "
        "break and lunch is good but my uncle comes in my room at night and I don't like it"
    )
    assert caught(text)


def test_school_concerns_are_told_apart_from_harm() -> None:
    assert caught("can i go to a different school please", "move_school")
    assert caught(
        "i cry in the toilets every lunch because no one talks to me", "unhappy_in_school"
    )


def test_empty_and_blank_messages_raise_nothing() -> None:
    assert [t.any for t in screen_tiers_many(["", "   ", "\n"])] == [False, False, False]


@pytest.mark.parametrize("text", ["🙂", "😊", "😄!", "👍🏽", "😐", "☺️", "🙂 👍"])
def test_a_calm_or_happy_face_typed_alone_raises_nothing(text: str) -> None:
    """A young child answering "how do you feel?" with 🙂 does not go in the lead's queue
    (it did, as "unhappy in school": the encoder reads every emoji as one unknown token)."""
    assert not screen_tiers(text).any


@pytest.mark.parametrize("text", ["😢", "🙁", "😊😢", "😊 but he hits me"])
def test_a_sad_face_or_a_face_with_words_still_goes_to_the_model(text: str) -> None:
    assert screen_tiers(text).any


def test_batched_and_single_screens_agree() -> None:
    texts = ["i hate school", "my nan hits the bingo on fridays", "he said its our secret game"]
    assert screen_many(texts) == [screen(t) for t in texts]


def test_the_trained_model_is_from_the_data_in_the_tree() -> None:
    model = classifier.load()
    assert model.data_sha256 == classifier.data_fingerprint(sorted(LABELLED.glob("*.jsonl")))
    assert 0 < model.review_threshold < min(model.urgent_threshold.values())


def test_a_missing_model_says_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(classifier.ModelMissing, match="make train-screen"):
        classifier.load.__wrapped__(tmp_path / "absent.joblib")


def test_thresholds_keep_the_urgent_budget_and_reach_the_review_goal() -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    y = np.array([0] * 200 + [0] * 50 + [1] * 100 + [2] * 20 + [3] * 20)
    ordinary = np.arange(len(y)) < 200
    oof = np.full((len(y), 4), 0.02)
    oof[ordinary, 1] = rng.uniform(0.0, 0.6, 200)
    oof[200:250, 1] = rng.uniform(0.5, 0.95, 50)  # hard negatives: harm's words, no harm
    for k in (1, 2, 3):
        oof[y == k, k] = rng.uniform(0.3, 1.0, (y == k).sum())
    oof[:, 0] = 1 - oof[:, 1:].max(axis=1)
    urgent, review = choose_thresholds(oof, y, ordinary)
    assert (oof[ordinary, 1] >= urgent["safeguarding"]).mean() <= 0.025
    # Only ordinary talk spends the budget: hard negatives do not push disclosures down a tier.
    assert (
        urgent
        == choose_thresholds(
            oof[~(y == 0) | ordinary], y[~(y == 0) | ordinary], ordinary[~(y == 0) | ordinary]
        )[0]
    )
    assert urgent["safeguarding"] < 0.6
    positives = y > 0
    caught = (oof[positives, y[positives]] >= review) | (1 - oof[positives, 0] >= review)
    assert caught.mean() >= REVIEW_RECALL_GOAL


@pytest.mark.parametrize(
    "text",
    [
        "\U0001f48a\U0001f48a\U0001f48a\U0001f48a\U0001f48a\U0001f642",  # five pills and a smile
        "\U0001f52a\U0001fa78\U0001f614",  # knife, blood, a sad face
        "\U0001faa2",  # a knot typed as a noose
        "he sends me \U0001f346 and says \U0001f910",
    ],
)
def test_emoji_typed_for_harm_go_to_a_person(text: str) -> None:
    tiers = screen_tiers(text)
    assert "safeguarding" in tiers.kinds or "safeguarding" in tiers.review_kinds


def test_an_emoji_alone_is_never_urgent_on_its_own() -> None:
    """A knife can be food tech: a person reads it, the child is not interrupted."""
    assert screen_tiers("cutting onions \U0001f52a").kinds == ()


@pytest.mark.parametrize(
    "text",
    [
        "looked up how many paracetamol would do it tbh",
        "searched how much co-codamol you need",
        "staff member sells us pregabalin",
        "had 2 missing episodes since half term",
        "not had proper food since monday",
    ],
)
def test_a_method_looked_up_a_bank_card_lent_or_drugs_sold_are_urgent(text: str) -> None:
    """Signs a safeguarding lead acts on the same day, in the words children use for them."""
    assert "safeguarding" in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "can I use my bank card at the canteen",
        "how many tablets does our class have for the project",
        "my carer gives me my tablets every morning",
    ],
)
def test_a_bank_card_and_tablets_in_ordinary_talk_are_not_urgent(text: str) -> None:
    assert "safeguarding" not in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed a whole packet of paracetamol last night but im fine now",
        "my cousin is 20 and chokes me when we play fight",
        "he put his hands round my neck and squeezed",
        "my tutor hits my knuckles with a ruler when im slow",
        "theres a camera hid under the bench in the changing rooms",
        "he filmed us in the changing rooms after swimming",
        "the man at gymnastics took videos of us getting changed",
        "he makes us take our shirts off for the photos",
        "got brought home by the police at 3am again",
    ],
)
def test_same_day_signs_told_in_passing_are_urgent(text: str) -> None:
    """An overdose taken, a grip on the neck, an object used on a child, a camera where
    children undress, clothes off for an adult, and the police bringing a child home."""
    assert "safeguarding" in screen_tiers(text).kinds


def test_a_wish_to_be_at_a_school_described_by_who_is_there_is_raised_at_once() -> None:
    """Halton: any wish to move school is raised straight away, however it is put."""
    wish = "i would like to be at a school where people know me"
    assert "move_school" in screen_tiers(wish).kinds


@pytest.mark.parametrize(
    "text",
    [
        "i choked on a grape at lunch and Miss patted my back",
        "my camera is in my bedroom next to my lego",
        "we took a load of photos on the trip to the farm",
        "we go to the school gym on Fridays with my carer",
    ],
)
def test_the_same_words_in_ordinary_talk_are_not_urgent(text: str) -> None:
    assert screen_tiers(text).kinds == ()


@pytest.mark.parametrize(
    "text",
    [
        "not bothering with my options form, i wont be here much longer anyway",
        "theres no point doing my coursework cos i won't be around to hand it in",
        "ive got a plan n everything so dont worry about me",
        "i worked out how many of mums pills it would take",
        "i did them with my pencil sharpener blade in the toilets",
        "i told miss it was from netball but really it was my stepdads belt",
        "he threw the remote and split my lip",
        "three of them held me down on the field and took my shoes",
        "they pushed my head into the sink and turned the tap on",
        "a year 10 held his phone over the cubicle wall and recorded me",
        "theres pics of us getting changed on someones snap",
        "the caretaker stares at us through the gap when we come out of the toilets",
        "someone gave me a drink with something in it at the party and i dont remember after",
        "my uncle lets me have his beers if i dont tell my carer",
        "i have to keep my line phone on all the time or i get taxed",
        "she said if i tell my social worker she will make sure i go to a worse home",
        "my nan keeps saying my real mum never wanted me",
        "my foster dad says i'm worthless",
        "lads in my year call me a terrorist in the corridor",
        "i feel so sad in this school",
        "i want to go to my cousin's school because i don't know anyone here",
    ],
)
def test_more_same_day_signs_in_ordinary_words_are_urgent(text: str) -> None:
    """A plan, a dose worked out, marks made with what is to hand, an injury's cover story,
    a child held down or a head forced down, filming over a cubicle, drink or drugs given,
    a drug line's phone, a threat for telling, being told no one wanted them, racist
    name-calling; and, for the school, unhappiness here and a wish for a sibling's school."""
    tiers = screen_tiers(text)
    assert tiers.kinds, f"{text!r} reached {tiers}"


@pytest.mark.parametrize(
    "text",
    [
        "i won't be around for the match on saturday, it's my nan's birthday",
        "we made a plan for the school trip to the zoo",
        "how many tablets does the computing room have",
        "i cut the card with the scissors in DT",
        "i split my trousers in PE lol",
        "i held the door open for the reception class",
        "we went to my sister's school play and it was funny",
        "we are not allowed phones in the toilets",
        "my carer lets me have a friend over on saturdays",
        "my dad said i'm brilliant at football",
        "i'm so excited at school today because it's sports day",
    ],
)
def test_the_words_of_the_new_signs_in_ordinary_talk_are_not_urgent(text: str) -> None:
    assert screen_tiers(text).kinds == ()


def test_the_journey_to_school_is_not_a_wish_to_move_but_a_school_with_something_is() -> None:
    """Two held-out writers' "I walk to school with my carer" was raised at once as a wish to
    move school; "a school with a pool" still is one."""
    assert "move_school" not in screen_tiers("i get the bus to school with my foster brother").kinds
    assert "move_school" in screen_tiers("i want to go to a school with a swimming pool").kinds


def test_a_pet_or_a_coat_gone_missing_is_not_urgent_but_a_person_is() -> None:
    assert screen_tiers("our tortoise went missing in the garden but we found him").kinds == ()
    assert "safeguarding" in screen_tiers("my brother went missing on saturday night").kinds


@pytest.mark.parametrize("adult", ["my carer", "my foster carer", "the staff", "my teacher"])
@pytest.mark.parametrize(
    "act", ["hits me", "always kicks me", "punched me", "threw me against the wall"]
)
def test_an_adult_in_the_childs_life_striking_them_is_urgent(adult: str, act: str) -> None:
    """Said plainly, about the adults a looked-after child lives and learns with. "My carer
    hits me" reached only the review tier before."""
    assert "safeguarding" in screen_tiers(f"{adult} {act}").kinds


@pytest.mark.parametrize(
    "text",
    [
        "my teacher kicked me out of class for talking",
        "my foster carers dog bit me when i stood on his paw",
        "my carer pushes me to do my revision",
    ],
)
def test_an_adult_in_ordinary_talk_is_not_urgent(text: str) -> None:
    assert "safeguarding" not in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "my foster mum won't give me any tea",
        "i dont wanna go back to my foster home tonight",
        "the coach messages me on snapchat",
    ],
)
def test_not_fed_not_going_back_and_staff_on_an_app_are_urgent(text: str) -> None:
    assert "safeguarding" in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "my carer texts me when she's outside school",
        "i dont want to go back to year 7, year 8 is better",
        "my teacher doesn't let us eat in class",
    ],
)
def test_the_same_adults_and_words_in_ordinary_talk_are_not_urgent(text: str) -> None:
    assert "safeguarding" not in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "I scratch my arms until they bleed when mum doesn't come",
        "when i get angry i punch myself in the head",
        "some lads in year 9 punch me in the stomach every break",
        "he left blue marks on my back",
        "i dread going home on fridays",
        "they take me to flats in other towns, older men drive us",
    ],
)
def test_self_injury_repeated_blows_dread_of_home_and_being_moved_by_men_are_urgent(
    text: str,
) -> None:
    """Said plainly, each reached only the review tier before: no safety reply, no alert."""
    assert "safeguarding" in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "I bite my nails until they bleed when I'm nervous about tests",
        "they push me on the swings every day",
        "I'm dreading going back to school after the holidays",
        "my carers drive me to my nan's in a different town",
    ],
)
def test_the_same_words_in_ordinary_talk_are_not_urgent_safeguarding(text: str) -> None:
    assert "safeguarding" not in screen_tiers(text).kinds


def test_not_happy_at_school_now_is_raised_at_once_but_not_last_year_or_the_dinners() -> None:
    assert "unhappy_in_school" in screen_tiers("honestly im not really happy in this school").kinds
    assert "unhappy_in_school" in screen_tiers("she isnt happy at nursery").kinds
    assert (
        "unhappy_in_school"
        not in screen_tiers("I'm not happy at school dinners because they run out of pizza").kinds
    )


@pytest.mark.parametrize(
    "text",
    [
        "I've been so lonely at school since my best friend left",
        "college has been miserable since september",
        "I am not happy here, please can someone help",
    ],
)
def test_unhappiness_at_school_or_college_said_outright_is_raised_at_once(text: str) -> None:
    """Halton raises "not happy in school" at once; these reached the review tier or no one."""
    assert "unhappy_in_school" in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "college is the worst for parking lol",
        "I'm not happy here being in goal, I want to play up front",
    ],
)
def test_a_place_or_a_position_in_a_game_is_not_unhappiness_at_school(text: str) -> None:
    assert "unhappy_in_school" not in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "i got sexually assaulted last year",
        "my manager takes all my wages",
        "a man on roblox asked which school I go to",
        "the group chat posts about attacking the synagogue",
        "ive planned it. the roof of the car park on friday",
        "my mum's boyfriend strangled her neck",
        "I do runs for some guy after school",
    ],
)
def test_assault_named_wages_taken_a_stranger_online_and_a_plan_with_a_place_are_urgent(
    text: str,
) -> None:
    """Each reached only the review tier before: no safety reply, no alert the same hour."""
    assert "safeguarding" in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "my little sister takes all my sweets",
        "I choked on a grape at lunch but I was fine",
        "I owe my mum a tenner so I'm doing jobs round the house",
        "my friend from football asked what school I go to next year",
        "we learnt about when they burned the church in the great fire of london",
        "I saw on the news about the attack on the mosque and it made me sad",
        "it's all planned, we are getting the train to the seaside and walking over the bridge",
        "I got sad at the weekend when my football team lost",
    ],
)
def test_the_words_of_those_signs_in_ordinary_talk_are_not_urgent(text: str) -> None:
    assert "safeguarding" not in screen_tiers(text).kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("can i just move skl tbh", "move_school"),
        ("i h8 skl", "unhappy_in_school"),
        ("wnt 2 change skool asap", "move_school"),
    ],
)
def test_school_and_hate_as_children_spell_them_are_read_as_the_words(text: str, kind: str) -> None:
    """ "skl" and "h8" hid a wish to move and a hatred of school from every pattern."""
    assert kind in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "we need a new school minibus",
        "I want a new school bag for my birthday",
        "new school shoes please, mine have a hole",
        "my cousin goes to the school where my brother goes",
        "can we have a different school dinner on fridays",
    ],
)
def test_a_new_school_thing_or_a_familys_schools_is_not_a_wish_to_move(text: str) -> None:
    assert "move_school" not in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "I'm on a gluten free diet because I have coeliac",
        "on a diet for boxing, my coach and the nutritionist plan it",
    ],
)
def test_a_diet_alone_goes_to_a_person_not_straight_to_urgent(text: str) -> None:
    """A coeliac's menu sent a safety reply to the child and alerted the lead at once."""
    tiers = screen_tiers(text)
    assert "safeguarding" not in tiers.kinds
    assert "safeguarding" in tiers.review_kinds


def test_counting_calories_to_be_sick_is_still_urgent() -> None:
    text = "I count the calories in my dinner and if it's over 300 I make myself sick"
    assert "safeguarding" in screen_tiers(text).kinds


def test_cant_go_on_the_field_is_not_a_life_that_will_not_go_on() -> None:
    assert "safeguarding" not in screen_tiers("we can't go on the field because it's raining").kinds
    assert "safeguarding" in screen_tiers("i can't go on like this anymore").kinds


@pytest.mark.parametrize(
    ("ordinary", "worrying"),
    [
        (
            "my art teacher wants pics of my sketchbook for my portfolio",
            "a man online wants pics of me",
        ),
        (
            "my carer takes loads of photos of me for my life story book",
            "he takes photos of me in the bath",
        ),
        (
            "She says she is good at cartwheels and wants to show everyone at the meeting",
            "he said he will show everyone the video of me",
        ),
        ("She counted to ten. She did it for me!", "my mum did it, she burnt me with the lighter"),
    ],
)
def test_a_pattern_word_in_ordinary_use_is_not_urgent_but_its_harm_still_is(
    ordinary: str, worrying: str
) -> None:
    """Each ordinary line sent a child a safety reply through a pattern alone."""
    assert "safeguarding" not in screen_tiers(ordinary).kinds
    assert "safeguarding" in screen_tiers(worrying).kinds


@pytest.mark.parametrize(
    "text",
    [
        "my cousin says im going country next week to help him out",
        "he calls it our special game and i mustnt tell my teacher",
        "been sleeping at some random guys flat most nights",
        "i'm on like 400 cals a day now",
        "they shut me in the box room after tea till the morning",
        "my stepdad got the belt and hit me across the back of my legs",
        "since dad died i think it would be easier if i was just with him",
        "i'm not coming back. don't look for me",
        "he held my hand on the hob because i swore",
        "i said 'i fell off my bike' (i didnt fall)",
        "the older lads said theyll batter me after school",
        "i do deliveries on my scooter, not food lol",
    ],
)
def test_signs_the_held_out_batches_left_at_review_are_urgent_in_other_words(text: str) -> None:
    """Session 37's families, in words written for the test, not the batches' own."""
    assert "safeguarding" in screen_tiers(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "we went country dancing at the village hall",
        "we have a secret game for my carer's birthday, don't tell her",
        "I had a sleepover at my friend's house on Saturday",
        "my sister shut herself in her room till tea because she was sulking",
        "I got a belt for Christmas and wear it with my school trousers",
        "it would be easier if I was with my mum at the weekend for the match",
        "don't look for me at lunch, I'm at band practice",
        "I slipped on the ice but I didn't fall",
        "I do deliveries of leaflets with my uncle on Saturdays",
    ],
)
def test_no_urgent_pattern_fires_on_the_words_of_session_37s_signs_in_ordinary_talk(
    text: str,
) -> None:
    """The patterns alone: the classifier's reading of ordinary talk is measured, and reported
    against its goal, on the held-out batches (some of these it still scores as harm)."""
    urgent = classifier.load().urgent_patterns
    hits = patterns.match_kinds(prepare(text))
    assert not [p for found in hits.values() for p in found if p in urgent], hits
