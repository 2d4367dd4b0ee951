# The checklist result: every criterion for one practice and one or two candidates, an advice, a comparison.
"""Compute the "matching" checklist: outcomes per criterion, a score, an advice per candidate and which fits best."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from calculators.matching.criteria import (
    Candidate,
    Outcome,
    Practice,
    Thresholds,
    candidate_outcomes,
    lower_first,
    practice_outcomes,
    score,
    thresholds,
)
from calculators.matching.inputs import ChecklistInput, LetterDetails

Level = Literal["voorstellen", "bespreken", "overleggen", "niet"]


@dataclass(frozen=True)
class Advice:
    level: Level
    title: str
    text: str


@dataclass(frozen=True)
class Verdict:
    """One candidate at one practice: every criterion, the score and the advice for the klikgesprek."""

    letter: str
    candidate: Candidate
    distance: Decimal | None
    outcomes: tuple[Outcome, ...]
    score: int
    max_score: int
    blocked: bool
    advice: Advice


@dataclass(frozen=True)
class ChecklistResult:
    thresholds: Thresholds
    practice: Practice
    practice_outcomes: tuple[Outcome, ...]
    verdicts: tuple[Verdict, ...]
    comparison: str = ""
    best: str | None = None  # letter of the candidate that fits best, None for a tie or one candidate
    letter: LetterDetails = LetterDetails()  # typed for the 5B letter; not shown in the result


def _labels(outcomes: tuple[Outcome, ...] | list[Outcome]) -> str:
    names = [lower_first(o.label) for o in outcomes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def advice(outcomes: tuple[Outcome, ...], practice: tuple[Outcome, ...]) -> Advice:
    """The overall advice for the klikgesprek, from the worst outcome (hard criteria first)."""
    blocking = [o for o in (*practice, *outcomes) if o.blocking]
    if blocking:
        return Advice("niet", "Niet voorstellen voor een klikgesprek",
                      f"Een harde eis is niet gehaald: {_labels(blocking)}.")
    failing = [o for o in outcomes if o.status == "voldoet_niet"]
    if failing:
        return Advice("overleggen", "Eerst overleggen in het projectteam",
                      f"Voldoet niet aan: {_labels(failing)}. Stel alleen voor als het projectteam dat verantwoord "
                      "vindt.")
    attention = [o for o in outcomes if o.status == "aandachtspunt"]
    if attention:
        return Advice("bespreken", "Voorstellen, met aandachtspunten",
                      f"Zoek voor of in het klikgesprek uit: {_labels(attention)}.")
    return Advice("voorstellen", "Voorstellen voor een klikgesprek", "De kandidaat voldoet aan alle criteria.")


def verdict(th: Thresholds, practice: Practice, practice_side: tuple[Outcome, ...], letter: str,
            candidate: Candidate, distance: Decimal | None) -> Verdict:
    outcomes = candidate_outcomes(th, candidate, practice, distance)
    blocked = any(o.blocking for o in (*practice_side, *outcomes))
    return Verdict(letter, candidate, distance, outcomes, score(th, outcomes), th.max_score, blocked,
                   advice(outcomes, practice_side))


def compare(verdicts: tuple[Verdict, ...]) -> tuple[str, str | None]:
    """Which of two candidates fits this practice better, in one Dutch sentence."""
    if len(verdicts) < 2:
        return "", None
    a, b = verdicts[0], verdicts[1]
    if a.blocked and b.blocked:
        return "Geen van beide kandidaten kan worden voorgesteld: bij allebei is een harde eis niet gehaald.", None
    if a.blocked != b.blocked:
        good, bad = (b, a) if a.blocked else (a, b)
        return (f"Kandidaat {good.letter} past beter: bij kandidaat {bad.letter} is een harde eis niet gehaald.",
                good.letter)
    if a.score == b.score:
        return (f"Kandidaten {a.letter} en {b.letter} passen even goed ({a.score} van de {a.max_score} punten); "
                "het klikgesprek geeft de doorslag.", None)
    good, bad = (a, b) if a.score > b.score else (b, a)
    return (f"Kandidaat {good.letter} past beter bij deze praktijk: {good.score} tegen {bad.score} van de "
            f"{good.max_score} punten.", good.letter)


def compute(bundle: Mapping[str, Any], inp: ChecklistInput) -> ChecklistResult:
    th = thresholds(bundle)
    practice_side = practice_outcomes(th, inp.practice)
    verdicts = tuple(verdict(th, inp.practice, practice_side, letter, candidate, distance)
                     for letter, candidate, distance in inp.candidates)
    comparison, best = compare(verdicts)
    return ChecklistResult(th, inp.practice, practice_side, verdicts, comparison, best, inp.letter)
