"""Selection: which challenge to ask next in a competence.

``candidate_skills`` is the one place that says which skills may be asked at all. Among them,
the selector keeps the tubes covered, keeps questions the person is likely enough to succeed
(benevolence), ranks skills by how much their answer would tell, and picks at random among the
best, then a variant of the chosen skill.
"""

from __future__ import annotations

import math
import operator
import random
from typing import TYPE_CHECKING, Any

from . import model
from .referential import Challenge, Referential, Skill

if TYPE_CHECKING:
    from .config import EngineConfig
    from .estimation import GridEstimator
    from .state import CompetenceRun

# (P(success), information) of one challenge, cached per curve (``GridEstimator.curve_key``).
Prediction = tuple[float, float]
Option = tuple[Skill, Challenge, float, float]
# A profile's questions that would change no announcement are ranked by P(success)·P(failure)
# times this (too small to outweigh any real gain).
TIE = 1e-6


def candidate_skills(ref: Referential, run: CompetenceRun, ask_inferred_last: bool = True
                     ) -> list[Skill]:
    """Skills that may be asked now: not asked yet, with a challenge that may be shown; those
    that tube inference already settled come last (only when nothing else is left)."""
    # A challenge is seen only once answered, and its skill is then asked: a skill not asked yet
    # has all its challenges to show.
    fresh = [s for s in run.skills if s.id not in run.asked_skills
             and ref.challenges_by_skill[s.id]]
    if not ask_inferred_last:
        return fresh
    return [s for s in fresh if s.id not in run.inferred] or fresh


def referential_cache(ref: Referential, name: str, params: Any) -> dict[str, Any]:
    """A cache that lives as long as the referential (its challenges never change), for these
    model parameters."""
    caches: dict[str, tuple[Any, dict[str, Any]]] = ref.__dict__.setdefault(
        "_selection_caches", {})
    entry = caches.get(name)
    if entry is None or (entry[0] is not params and entry[0] != params):
        entry = caches[name] = (params, {})
    return entry[1]


def unseen_challenges(ref: Referential, run: CompetenceRun, skill: Skill) -> list[Challenge]:
    """The challenges of a skill that may be shown (not seen yet), in a stable order: the one
    place that says which challenges are selectable."""
    return sorted((c for c in ref.challenges_by_skill[skill.id] if c.id not in run.seen),
                  key=lambda c: c.id)


def valued_level(challenge: Challenge, level: int) -> int:
    """The level a profile's selector values a question at: its skill's, or, when collected
    answers calibrated it, its difficulty rounded (values are still shared by level and guessing
    floor, so a step costs little more: a skill's variants may fall on two levels)."""
    cal = challenge.calibration
    return level if cal is None else max(-1, min(9, round(cal.difficulty)))


class InformationSelector:
    """The most informative among the kind questions, tubes covered, at random among the best."""

    name = "benevolent-information"

    def __init__(self, config: EngineConfig, estimator: GridEstimator) -> None:
        self.config = config
        self.estimator = estimator

    def predict(self, run: CompetenceRun, level: int, challenge: Challenge,
                cache: dict[tuple, Prediction]) -> Prediction:
        """Posterior-predictive success and expected information of one challenge."""
        estimator = self.estimator
        key = estimator.curve_key(level, challenge)
        if key not in cache:
            curve = estimator.curve_of(key)
            if self.config.criterion == "level":
                cache[key] = model.level_information(run.posterior, curve, run.max_level)
            else:
                cache[key] = (model.expectation(run.posterior, curve),
                              model.expectation(run.posterior, estimator.information_of(key)))
        return cache[key]

    def options(self, ref: Referential, run: CompetenceRun, skills: list[Skill],
                cache: dict[tuple, Prediction]) -> list[Option]:
        return [(skill, challenge, *self.predict(run, skill.level, challenge, cache))
                for skill in skills for challenge in unseen_challenges(ref, run, skill)]

    def cover_tubes(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        """A quota per tube until every tube is touched; never the same tube twice in a row."""
        tubes = {s.tube_id for s in candidates}
        if any(run.tube_counts.get(t, 0) == 0 for t in tubes):
            within = [s for s in candidates
                      if run.tube_counts.get(s.tube_id, 0) < self.config.tube_quota]
            candidates = within or candidates
        elsewhere = [s for s in candidates if s.tube_id != run.last_tube]
        return elsewhere or candidates

    def kind(self, run: CompetenceRun, options: list[Option]) -> list[Option]:
        """Benevolence, judged on the very question shown: a floor on its predicted success
        that rises after failures; if nothing reaches it, the likeliest successes."""
        floor = self.config.min_success[min(run.fails_in_row, 2)]
        kind = [o for o in options if o[2] >= floor]
        if not kind:
            best = max(o[2] for o in options)
            kind = [o for o in options if o[2] >= best - 0.05]
        return kind

    def gentle(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        """At the start of a competence, no big step up: after a right answer at most
        ``max_step_after_success`` levels above the last question, after a wrong one at most
        ``max_step_after_failure`` (never harder, by default). When no candidate is that low,
        the easiest ones; but after a failed first question, none (the competence ends rather
        than show a harder question)."""
        cfg = self.config
        if not run.answers or run.asked >= cfg.gentle_opening:
            return candidates
        right = run.answers[-1].correct
        cap = run.levels[-1] + (cfg.max_step_after_success if right
                                else cfg.max_step_after_failure)
        low = [s for s in candidates if s.level <= cap]
        if low or (run.asked == 1 and not right):
            return low
        easiest = min(s.level for s in candidates)
        return [s for s in candidates if s.level == easiest]

    def choose(self, ref: Referential, run: CompetenceRun, candidates: list[Skill],
               rng: random.Random) -> Challenge | None:
        """The next challenge, or None when the gentle start leaves nothing to ask."""
        cfg = self.config
        candidates = self.gentle(run, candidates)
        if not candidates:
            return None
        cache: dict[tuple, Prediction] = {}
        options = self.options(ref, run, self.cover_tubes(run, candidates), cache)
        by_skill: dict[str, list[Option]] = {}
        for option in self.kind(run, options):
            by_skill.setdefault(option[0].id, []).append(option)
        ranked = sorted(
            by_skill.values(),
            key=lambda opts: (-max(o[3] for o in opts)
                              * cfg.tube_penalty ** run.tube_counts.get(opts[0][0].tube_id, 0),
                              opts[0][0].level, opts[0][0].id))
        top = ranked[:len(cfg.pick_weights)]
        chosen = rng.choices(top, weights=cfg.pick_weights[:len(top)])[0]
        return self.pick_variant(chosen, rng)

    def variant(self, ref: Referential, run: CompetenceRun, skill: Skill,
                rng: random.Random) -> Challenge:
        """A challenge of this skill (the first question's skill comes from the initializer)."""
        return self.pick_variant(self.options(ref, run, [skill], {}), rng)

    def pick_variant(self, options: list[Option], rng: random.Random) -> Challenge:
        """Among a skill's variants, favour the more informative ones (typed answers over
        multiple choice) without always showing the same one."""
        weights = [max(o[3], 1e-9) ** self.config.variant_sharpness for o in options]
        return rng.choices([o[1] for o in options], weights=weights)[0]


class ProfileSelector(InformationSelector):
    """For a whole profile at once: questions of every competence still open compete, valued by
    how much their answer is expected to raise the probability that the competence's announced
    level is within one of the truth (plus a little level information, which breaks the ties when
    no single answer would change the announcement). Within each competence the usual rules
    hold: a gentle start, tubes covered, kind questions; the competence with the best question is
    asked, among its best few skills at random."""

    name = "profile-information"

    def __init__(self, config: EngineConfig, estimator: GridEstimator) -> None:
        super().__init__(config, estimator)
        # Competence id → (the posterior summarised, its summary).
        self._summaries: dict[str, tuple[list[float], Any]] = {}
        self._guesses: dict[str, float] | None = None
        self._keys: dict[str, Any] | None = None
        self._curves: dict[tuple[int, float], tuple[float, ...]] | None = None

    def caches(self, ref: Referential) -> None:
        """Fetch, once per choice, the caches that live with the referential (guessing floors,
        the distinct keys of each skill, coarse curves by key)."""
        params = self.estimator.params
        self._guesses = referential_cache(ref, "guess", params)
        self._keys = referential_cache(ref, "keys", params)
        self._curves = referential_cache(ref, "coarse", params)

    def guess(self, ref: Referential, challenge: Challenge) -> float:
        """The challenge's guessing floor, computed once per referential (the worker rebuilds
        the selector at every step; the referential stays)."""
        cache = self._guesses if self._guesses is not None else referential_cache(
            ref, "guess", self.estimator.params)
        found = cache.get(challenge.id)
        if found is None:
            found = cache[challenge.id] = self.estimator.guess(challenge)
        return found

    def coarse_curve(self, key: tuple[int, float]) -> tuple[float, ...]:
        """``model.coarse_curve`` of this (level, guessing floor), from a plain dict (no
        hashing of the model's parameters at every call)."""
        curves = self._curves
        if curves is None:
            return model.coarse_curve(*key, self.estimator.params)
        found = curves.get(key)
        if found is None:
            found = curves[key] = model.coarse_curve(*key, self.estimator.params)
        return found

    def value(self, ref: Referential, run: CompetenceRun, level: int, challenge: Challenge,
              cache: dict[tuple[int, float], Prediction]) -> Prediction:
        """(P(success), expected within-one gain + ``information_weight`` × level information,
        ties broken by the uncertainty of the answer)."""
        return self.key_value(run, (valued_level(challenge, level), self.guess(ref, challenge)),
                              cache)

    def key_success(self, run: CompetenceRun, key: Any) -> float:
        """P(success) of any question of this key, alone (cheaper than its value)."""
        return sum(map(operator.mul, self.summary(run)[0], self.coarse_curve(key)))

    def key_value(self, run: CompetenceRun, key: tuple[int, float],
                  cache: dict[tuple[int, float], Prediction]) -> Prediction:
        """``value`` of any question of this (level, guessing floor), computed once per step."""
        found = cache.get(key)
        if found is None:
            groups, mass, before = self.summary(run)
            curve = self.coarse_curve(key)
            weight = self.config.information_weight
            if weight > 0:
                p, gain, info = model.within_one_gain(groups, curve, run.max_level, mass, before)
            else:
                # The same arithmetic as ``best_value``'s (a value must not depend on the path).
                p, gain = model.likely_gain(groups, curve, run.max_level, self.windows(run),
                                            before[0], -1.0)
                info = 0.0
            # Ties (no single answer would change the announcement): the less certain answer.
            found = cache[key] = (p, gain + weight * info + TIE * p * (1.0 - p))
        return found

    def summary(self, run: CompetenceRun) -> tuple[list[float], list[float], tuple[float, float]]:
        """What valuing a question reads of a competence's posterior (computed once per step)."""
        found = self._summaries.get(run.competence_id)
        if found is None or found[0] is not run.posterior:
            found = self._summaries[run.competence_id] = (run.posterior, model.level_summary(
                run.posterior, run.max_level, self.config.information_weight > 0,
                run.level_probabilities()))
        return found[1]

    def windows(self, run: CompetenceRun) -> list[float]:
        """The masses of the neighbourhoods of the competence's levels (once per step)."""
        found = run.memo.get("windows")
        if found is None or found[0] is not run.posterior:
            found = run.memo["windows"] = (run.posterior, model.neighbourhoods(
                self.summary(run)[1]))
        return found[1]

    def bound(self, run: CompetenceRun) -> float:
        """No question of this competence can score more: the within-one gain is at most the
        probability of being wrong now, the information at most the entropy of the level and of
        a yes/no answer."""
        _, _, (best, entropy) = self.summary(run)
        return (1.0 - best + self.config.information_weight * min(entropy, math.log(2.0))
                + TIE / 4)

    def allowed(self, run: CompetenceRun, candidates: list[Skill]) -> list[Skill]:
        """The skills this competence may ask next (after its first question)."""
        return self.cover_tubes(run, self.gentle(run, candidates))

    def question_key(self, ref: Referential, skill: Skill, challenge: Challenge) -> Any:
        """What a question's value depends on: its valued level and guessing floor (``value``)."""
        return valued_level(challenge, skill.level), self.guess(ref, challenge)

    def ranked(self, ref: Referential, run: CompetenceRun, skills: list[Skill],
               cache: dict[tuple[int, float], Prediction] | None = None) -> list[list[Option]]:
        """The kind options of these skills, grouped by skill, best first (``cache``: the
        values already known of this competence's questions, by level and guessing floor)."""
        cache = {} if cache is None else cache
        found = run.memo.get("questions")
        if found is None or found[0] is not skills:
            # Each skill's questions with their keys, kept until the run's next answer; a
            # question's key, with the referential (per selector: the reference's differ).
            known = referential_cache(ref, f"question-keys:{self.name}", self.estimator.params)
            key_of = self.question_key
            found = run.memo["questions"] = (skills, [
                (skill, pairs) for skill in skills
                if (pairs := [(challenge, known.get(challenge.id)
                               or known.setdefault(challenge.id,
                                                   key_of(ref, skill, challenge)))
                              for challenge in unseen_challenges(ref, run, skill)])])
        if not found[1]:
            return []
        # Kindness and values depend on a question's key alone: judged once per key, and only
        # the kind keys valued (kindness reads P(success) alone).
        success = {}
        for _, pairs in found[1]:
            for _, key in pairs:
                if key not in success:
                    known = cache.get(key)
                    success[key] = known[0] if known is not None else self.key_success(run, key)
        key_value = self.key_value
        keys = {o[1]: key_value(run, o[1], cache)
                for o in self.kind(run, [(None, key, p, 0.0) for key, p in success.items()])}
        by_skill = [opts for skill, pairs in found[1]
                    if (opts := [(skill, challenge, *keys[key]) for challenge, key in pairs
                                 if key in keys])]
        penalty = self.config.tube_penalty
        return sorted(by_skill,
                      key=lambda opts: (-max(o[3] for o in opts)
                                        * penalty ** run.tube_counts.get(opts[0][0].tube_id, 0),
                                        opts[0][0].level, opts[0][0].id))

    def keys(self, ref: Referential, skill: Skill, cache: dict[str, Any] | None = None
             ) -> frozenset[tuple[int, float]]:
        """The distinct (level, guessing floor) of a skill's challenges: what a question's value
        depends on (a skill not asked yet has none of its challenges seen)."""
        if cache is None:
            cache = self._keys if self._keys is not None else referential_cache(
                ref, "keys", self.estimator.params)
        found = cache.get(skill.id)
        if found is None:
            found = cache[skill.id] = frozenset(
                (valued_level(c, skill.level), self.guess(ref, c))
                for c in ref.challenges_by_skill[skill.id])
        return found

    def levels(self, ref: Referential, run: CompetenceRun, skills: list[Skill]
               ) -> list[tuple[int, list[float]]]:
        """The distinct guessing floors of these skills' questions, lowest first, level by
        level (kept with the run while it is given the same list of skills)."""
        found = run.memo.get("levels")
        if found is not None and found[0] is skills:
            return found[1]
        by_level: dict[int, list[float]] = {}
        for level, guess in set().union(*(self.keys(ref, skill) for skill in skills)):
            by_level.setdefault(level, []).append(guess)
        out = [(level, sorted(guesses)) for level, guesses in by_level.items()]
        run.memo["levels"] = (skills, out)
        return out

    def best_value(self, ref: Referential, run: CompetenceRun, skills: list[Skill],
                   values: dict[tuple[int, float], Prediction] | None = None) -> float:
        """The value of the best kind question among these skills (what ``ranked`` puts first,
        before the tube penalty). At each level, the lower a question's guessing floor the more
        its answer tells and the less likely a success: so the levels' keys are valued from the
        lowest floor up, only until one is kind enough; all of them only if none is. ``values``
        collects what was computed, for ``ranked``."""
        values = {} if values is None else values
        floor = self.config.min_success[min(run.fails_in_row, 2)]
        by_level = self.levels(ref, run, skills)
        groups, _, (best, _) = self.summary(run)
        windows = self.windows(run)
        curve_of = self.coarse_curve
        kind = []
        every = []
        if self.config.information_weight > 0:
            def success(level: int, guess: float) -> float:
                return sum(map(operator.mul, groups, curve_of((level, guess))))

            # P(success) alone is cheap; the gain is computed for one key per level at most.
            for level, guesses in by_level:
                for guess in guesses:
                    p = success(level, guess)
                    every.append((level, guess, p))
                    if p >= floor:
                        kind.append(self.key_value(run, (level, guess), values)[1])
                        break
        else:
            # The same, each question's products computed once for its P(success) and its gain.
            likely_gain, max_level = model.likely_gain, run.max_level
            for level, guesses in by_level:
                for guess in guesses:
                    p, gain = likely_gain(groups, curve_of((level, guess)), max_level,
                                          windows, best, floor)
                    every.append((level, guess, p))
                    if gain is not None:
                        # ``key_value``'s value of this key (no information term).
                        values[level, guess] = found = (p, gain + TIE * p * (1.0 - p))
                        kind.append(found[1])
                        break
        if kind:
            return max(kind)
        if not every:
            return -1.0
        likeliest = max(p for _, _, p in every)
        return max(self.key_value(run, (level, g), values)[1]
                   for level, g, p in every if p >= likeliest - 0.05)

    def choose_in_profile(self, ref: Referential, offers: list[tuple[CompetenceRun, list[Skill]]],
                          rng: random.Random) -> Challenge | None:
        """The next challenge among the competences offered (each with the skills it may ask),
        or None when none has anything to ask: the competence whose best kind question has the
        most value (valued in decreasing order of ``bound``, no further once none left can beat
        the best found, at most ``profile_breadth`` of them, 0: all), then among its best few
        skills at random."""
        self._summaries = {}
        self.caches(ref)
        values: dict[int, dict[tuple[int, float], Prediction]] = {}
        best: tuple[float, int] | None = None
        bounded = sorted(((self.bound(run), index) for index, (run, _) in enumerate(offers)),
                         key=lambda b: (-b[0], b[1]))
        breadth = self.config.profile_breadth or len(bounded)
        for limit, index in bounded[:breadth]:
            if best is not None and limit <= best[0]:
                break
            run, skills = offers[index]
            if skills:
                score = self.best_value(ref, run, skills, values.setdefault(index, {}))
                if best is None or score > best[0]:
                    best = (score, index)
        if best is None:
            return None
        ranked = self.ranked(ref, *offers[best[1]], values[best[1]])
        if not ranked:
            return None
        top = ranked[:len(self.config.pick_weights)]
        chosen = rng.choices(top, weights=self.config.pick_weights[:len(top)])[0]
        return self.pick_variant(chosen, rng)


SELECTORS: dict[str, type[InformationSelector]] = {InformationSelector.name: InformationSelector,
                                                   ProfileSelector.name: ProfileSelector}
