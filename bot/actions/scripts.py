"""What the assistant asks, band by band: the scripts as data, easy to review.

EY and KS1: a few words a question, five faces. KS2: short sentences, faces, then the child's
own words. KS3 and KS4: fuller questions. POST16: college, training, work, money and
independence. A topic a band leaves out is recorded as not_asked by the API.
"""

from __future__ import annotations

from dataclasses import dataclass

FACES = "faces"            # a face (1-5), then an optional "tell me more"
FACES_WORDS = "faces_words"  # a face, then the child's own words
WORDS = "words"            # the child's own words


@dataclass(frozen=True)
class Question:
    topic: str
    text: str
    style: str
    more: str = "Tell me more? You can type, or press No thanks."


EY = [
    Question("feelings_about_school", "How do you feel at school?", FACES),
    Question("relationships_with_peers", "How do you feel about your friends?", FACES),
    Question("relationships_with_teachers", "How do you feel about your teacher?", FACES),
    Question("talents_and_interests", "What do you like to play?", WORDS),
]
KS1 = [
    Question("feelings_about_school", "How do you feel at school?", FACES),
    Question("feelings_about_learning", "How do you feel about learning?", FACES),
    Question("relationships_with_teachers", "How do you feel about the grown-ups at school?", FACES),
    Question("relationships_with_peers", "How do you feel about your friends?", FACES),
    Question("feelings_about_self", "How do you feel about you?", FACES),
    Question("talents_and_interests", "What are you good at?", WORDS),
    Question("support_wanted", "What would help you at school?", WORDS),
]
KS2 = [
    Question("feelings_about_school", "How do you feel about school?", FACES_WORDS,
             "Can you tell me why?"),
    Question("feelings_about_learning", "How do you feel about your learning?", FACES_WORDS,
             "Which lessons do you like, and which are hard?"),
    Question("relationships_with_teachers", "How do you get on with your teachers?", FACES_WORDS,
             "Who helps you most?"),
    Question("relationships_with_peers", "How do you get on with your friends?", FACES_WORDS,
             "Tell me about your friends."),
    Question("feelings_about_self", "How do you feel about yourself?", FACES_WORDS,
             "What makes you feel like that?"),
    Question("talents_and_interests", "What are you good at, and what do you enjoy?", WORDS),
    Question("aspirations", "What would you like to do when you are older?", WORDS),
    Question("going_well", "What is going well for you at school?", WORDS),
    Question("not_going_well", "What is not going so well?", WORDS),
    Question("support_wanted", "What would help you at school?", WORDS),
]
KS3 = [
    Question("feelings_about_school", "How are things at school for you at the moment?", WORDS),
    Question("feelings_about_learning",
             "How do you feel about your learning? Which subjects do you enjoy, and which are "
             "harder?", WORDS),
    Question("relationships_with_teachers",
             "How do you get on with your teachers and the other adults at school?", WORDS),
    Question("relationships_with_peers", "How are your friendships at school?", WORDS),
    Question("feelings_about_self", "How are you feeling about yourself at the moment?", WORDS),
    Question("talents_and_interests", "What are you good at, in school or out of it?", WORDS),
    Question("aspirations", "What would you like to do in the future?", WORDS),
    Question("going_well", "What is going well, and what helps you?", WORDS),
    Question("not_going_well", "What is not going well, and what would you change?", WORDS),
    Question("support_wanted", "What support would you like from school?", WORDS),
]
KS4 = [
    Question("feelings_about_school", "How are things at school for you at the moment?", WORDS),
    Question("feelings_about_learning",
             "How do you feel about your GCSE subjects, your options and your exams?", WORDS),
    Question("relationships_with_teachers",
             "How do you get on with your teachers and the other adults at school?", WORDS),
    Question("relationships_with_peers", "How are your friendships at the moment?", WORDS),
    Question("feelings_about_self", "How are you feeling about yourself at the moment?", WORDS),
    Question("talents_and_interests", "What are you good at, in school or out of it?", WORDS),
    Question("aspirations",
             "What do you want to do after Year 11: college, an apprenticeship, work?", WORDS),
    Question("going_well", "What is going well, and what helps you most?", WORDS),
    Question("not_going_well", "What is not going well, and what would you change?", WORDS),
    Question("support_wanted",
             "What support would help you most with revision, exams and what comes next?", WORDS),
]
POST16 = [
    Question("feelings_about_school", "How is college, training or work going for you?", WORDS),
    Question("feelings_about_learning", "How do you feel about your course and how you are "
             "getting on with it?", WORDS),
    Question("relationships_with_teachers",
             "How do you get on with your tutors, trainers or managers?", WORDS),
    Question("relationships_with_peers", "How are things with friends and the people around "
             "you?", WORDS),
    Question("feelings_about_self", "How do you feel about living more independently: money, "
             "cooking, getting around, where you will live?", WORDS),
    Question("talents_and_interests", "What are you good at, and what do you enjoy?", WORDS),
    Question("aspirations", "Where would you like to be in a year's time: a course, training, "
             "an apprenticeship, a job?", WORDS),
    Question("going_well", "What is going well for you right now?", WORDS),
    Question("not_going_well", "What is getting in the way?", WORDS),
    Question("support_wanted", "What help do you want: with your course, money, finding work "
             "or living on your own?", WORDS),
]
SCRIPTS: dict[str, list[Question]] = {
    "EY": EY, "KS1": KS1, "KS2": KS2, "KS3": KS3, "KS4": KS4, "POST16": POST16,
}
YOUNG = {"EY", "KS1", "KS2"}

FACE_BUTTONS = [
    ("😢", "Very sad", 1), ("🙁", "Sad", 2), ("😐", "OK", 3), ("🙂", "Happy", 4),
    ("😄", "Very happy", 5),
]
RATING_WORDS = {1: "very sad", 2: "sad", 3: "OK", 4: "happy", 5: "very happy"}

TOPIC_LABELS = {
    "feelings_about_school": "School", "feelings_about_learning": "Learning",
    "relationships_with_teachers": "Teachers", "relationships_with_peers": "Friends",
    "feelings_about_self": "How I feel about me", "talents_and_interests": "What I'm good at",
    "aspirations": "The future", "going_well": "Going well",
    "not_going_well": "Not going well", "support_wanted": "What would help",
}


def script_for(band: str) -> list[Question]:
    return SCRIPTS.get(band, KS3)


def question_for(band: str, topic: str) -> Question | None:
    return next((q for q in script_for(band) if q.topic == topic), None)
