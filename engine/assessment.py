"""An adaptive assessment over one or several competences.

The whole state is the list of answers (plus which competences are closed and which challenge is
on screen): everything else — posteriors, inferred skills, the next choice — is replayed from it,
so ``to_dict()`` / ``from_dict()`` resume exactly and a stored state stays small and readable.
Randomness is derived from (seed, step), never from a generator's hidden state.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from . import model
from .answers import SKIPPED, is_correct
from .config import EngineConfig
from .errors import EngineError
from .profiles import profile_skills
from .referential import Challenge, Referential, Skill
from .scoring import AssessmentResult, CompetenceResult, infer_skill_states, pix_for
from .selection import candidate_skills, referential_cache
from .state import CompetenceRun

STATE_FORMAT = 1


@dataclass
class AnswerRecord:
    challenge_id: str
    correct: bool
    status: str = "ok"  # ok | ko | skipped | recorded
    response: Any = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"challenge": self.challenge_id, "correct": self.correct,
                               "status": self.status}
        if self.response is not None:
            out["response"] = self.response
        return out


class Assessment:
    """Public API: see the package docstring."""

    def __init__(self, ref: Referential, competences: list[str], seed: int,
                 config: EngineConfig | None = None, skills: list[str] | None = None,
                 profile: str | None = None) -> None:
        self._setup(ref, competences, seed, config, skills, profile)
        self._replay()

    def _setup(self, ref: Referential, competences: list[str], seed: int,
               config: EngineConfig | None, skills: list[str] | None, profile: str | None) -> None:
        self.ref = ref
        self.profile = profile
        self.seed = int(seed)
        self.config = config or EngineConfig()
        self.target_skills = sorted(skills) if skills is not None else None
        # A parcours's state names the parcours, not its hundreds of skills (the worker parses
        # and writes the state at every step): they are its skills, read again on resume.
        self._skills_of_profile = (
            skills is not None and profile in ref.profiles
            and self.target_skills == sorted(profile_skills(ref.profiles[profile])))
        target = set(skills) if skills is not None else None
        self.competences: list[str] = []
        self._targets: dict[str, list[Skill]] = {}
        for cid in competences:
            if cid not in ref.competence_by_id:
                raise EngineError("unknown-competence", f"Compétence inconnue : {cid}")
            askable = [s for s in ref.skills_by_competence.get(cid, ())
                       if ref.challenges_by_skill.get(s.id) and (target is None or s.id in target)]
            if cid not in self.competences:
                self.competences.append(cid)
                self._targets[cid] = askable
        if not self.competences:
            raise EngineError("no-competence", "Aucune compétence à évaluer.")
        self.answers: list[AnswerRecord] = []
        self.closed: list[str] = []
        self.pending: str | None = None
        self._runs: dict[str, CompetenceRun] = {}
        # Whether the joint posterior reflects every answer (a joint profile couples lazily).
        self._coupled = True

    @property
    def joint(self) -> bool:
        """Whether the competences are asked at once, on one joint posterior (``JointStart``)."""
        return getattr(self.config.parts.initializer, "joint", False)

    # ----------------------------------------------------------------- construction
    @classmethod
    def start(cls, ref: Referential, competences: list[str] | None = None, seed: int = 0,
              config: EngineConfig | None = None, skills: list[str] | None = None,
              profile: str | None = None) -> Assessment:
        """A new assessment; ``skills`` restricts it to target skills (a profile's capped tubes),
        ``profile`` names the target profile whose skills these are (for badges and stages)."""
        if profile is not None and skills is None:
            if profile not in ref.profiles:
                raise EngineError("unknown-profile", f"Parcours inconnu : {profile}")
            skills = profile_skills(ref.profiles[profile])
        if profile in ref.profiles and config is None:
            # A parcours may name an engine mode (``moteur: express``).
            config = EngineConfig.for_mode(ref.profiles[profile].get("engine"))
        if competences is None:
            wanted = {ref.skills[s].competence_id for s in skills or () if s in ref.skills}
            competences = [c.id for c in ref.competences if skills is None or c.id in wanted]
        return cls(ref, list(competences), seed, config, skills, profile)

    def to_dict(self) -> dict[str, Any]:
        """The state (``skills`` left out when they are the parcours's own)."""
        state = {
            "format": STATE_FORMAT,
            "referential": self.ref.version,
            "seed": self.seed,
            "competences": list(self.competences),
            "skills": self.target_skills,
            "profile": self.profile,
            "config": self.config.to_dict(),
            "answers": [a.to_dict() for a in self.answers],
            "closed": list(self.closed),
            "pending": self.pending,
        }
        if self._skills_of_profile:
            del state["skills"]
        return state

    @classmethod
    def from_dict(cls, ref: Referential, data: dict[str, Any]) -> Assessment:
        """Resume from :meth:`to_dict`; a damaged or foreign state raises ``state-invalid``."""
        try:
            if data.get("format") != STATE_FORMAT:
                raise ValueError(f"format {data.get('format')!r}")
            config = EngineConfig.from_dict(data.get("config"))
            assessment = cls.__new__(cls)
            profile = data.get("profile")
            if "skills" in data:
                skills = data["skills"]
            elif profile in ref.profiles:
                skills = profile_skills(ref.profiles[profile])
            else:
                raise ValueError(f"parcours inconnu {profile!r}")
            assessment._setup(ref, list(data["competences"]), int(data["seed"]), config,
                              skills, profile)
            for raw in data.get("answers", ()):
                cid = str(raw["challenge"])
                if cid not in ref.challenges:
                    raise ValueError(f"épreuve inconnue {cid}")
                assessment.answers.append(AnswerRecord(
                    cid, bool(raw["correct"]), str(raw.get("status", "recorded")),
                    raw.get("response")))
            assessment.closed = [c for c in data.get("closed", ()) if c in assessment.competences]
            pending = data.get("pending")
            # A challenge retired since it was shown is not asked: the next choice replaces it.
            assessment.pending = (pending if pending in ref.challenges
                                  and not ref.challenges[pending].retired else None)
            assessment._replay()
        except EngineError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise EngineError(
                "state-invalid",
                "Le test enregistré dans ce navigateur est illisible ou vient d'une autre version "
                f"du référentiel ({exc}).") from exc
        return assessment

    # ----------------------------------------------------------------- replay
    def _new_run(self, cid: str) -> CompetenceRun:
        parts = self.config.parts
        done = [self._runs[c].eap() for c in self.closed
                if c in self._runs and self._runs[c].answers]
        prior = parts.initializer.prior(done)
        skills = self._targets[cid]
        max_level = max((s.level for s in skills), default=0)
        run = CompetenceRun(cid, skills, max_level, parts.estimator.prior(*prior), prior,
                            parts.estimator)
        total = self.config.total_max_questions
        if total and not self.joint:
            finished = [c for c in self.closed if c in self._runs]
            run.budget = max(0, total - sum(self._runs[c].asked for c in finished))
            run.sharing = max(1, len(self.competences) - len(finished))
        return run

    def _replay(self) -> None:
        self._runs = {}
        by_competence: dict[str, list[AnswerRecord]] = {c: [] for c in self.competences}
        for record in self.answers:
            challenge = self.ref.challenges[record.challenge_id]
            cid = self.ref.skills[challenge.skill_id].competence_id
            if cid not in by_competence:
                raise EngineError("state-invalid",
                                  f"Réponse à une épreuve hors du test : {record.challenge_id}")
            by_competence[cid].append(record)
        if self.joint:
            # One joint posterior: the order of the competences does not matter. The challenges'
            # curves are kept with the referential: the worker replays every answer at each step.
            curves = referential_cache(self.ref, "curve", self.config.parts.estimator.params)
            for cid in self.competences:
                run = self._runs[cid] = self._new_run(cid)
                for record in by_competence[cid]:
                    challenge = self.ref.challenges[record.challenge_id]
                    skill = self.ref.skills[challenge.skill_id]
                    curve = curves.get(challenge.id)
                    if curve is None:
                        curve = curves[challenge.id] = run.estimator.curve(skill.level, challenge)
                    run.apply(skill, challenge, record, curve)
                # Tube inference reads all the answers: once, after the last.
                run.inferred = infer_skill_states(self.ref, run.answers, {s.id for s in run.skills})
            self._coupled = False
            return
        # Closed competences first, in the order they closed (they feed later priors), then the rest.
        order = [c for c in self.closed] + [c for c in self.competences if c not in self.closed]
        for cid in order:
            if cid in self.closed or by_competence[cid]:
                run = self._new_run(cid)
                for record in by_competence[cid]:
                    self._apply(run, record)
                self._runs[cid] = run

    def _run(self, cid: str) -> CompetenceRun:
        """The run of a competence; one not started yet gets its prior when first needed."""
        if cid not in self._runs:
            self._runs[cid] = self._new_run(cid)
        return self._runs[cid]

    def _couple(self) -> None:
        """Bring every competence's posterior up to date with what the others say."""
        if self._coupled:
            return
        initializer = self.config.parts.initializer
        runs = [self._run(c) for c in self.competences]
        messages = [initializer.message(run.own_moments()) if run.answers else None
                    for run in runs]
        for run, mixture in zip(runs, initializer.priors(messages), strict=True):
            run.couple(initializer.weight_stream(mixture, model.GRID))
        self._coupled = True

    def _apply(self, run: CompetenceRun, record: AnswerRecord) -> None:
        challenge = self.ref.challenges[record.challenge_id]
        run.apply(self.ref.skills[challenge.skill_id], challenge, record)
        run.inferred = infer_skill_states(self.ref, run.answers, {s.id for s in run.skills})

    # ----------------------------------------------------------------- the test
    @property
    def current_competence(self) -> str | None:
        if self.joint and self.pending is not None and self.current_open():
            return self.ref.skills[self.ref.challenges[self.pending].skill_id].competence_id
        return self.current_open()

    def current_open(self) -> str | None:
        """The first competence not closed yet."""
        for cid in self.competences:
            if cid not in self.closed:
                return cid
        return None

    def next_challenge(self) -> Challenge | None:
        """The challenge to show now, or None when the assessment is over."""
        if self.pending is not None:
            return self.ref.challenges[self.pending]
        if self.joint:
            return self._next_in_profile()
        while (cid := self.current_competence) is not None:
            run = self._run(cid)
            choice = None if self.config.parts.stopper.should_stop(run) else self._choose(run)
            if choice is not None:
                self.pending = choice.id
                return choice
            self.closed.append(cid)
            # Later competences will start from a prior informed by this one.
            for later in self.competences:
                run = self._runs.get(later)
                if later not in self.closed and run is not None and not run.answers:
                    del self._runs[later]
        return None

    def _next_in_profile(self) -> Challenge | None:
        """A joint profile: the next question of any competence, or None (then all close)."""
        if self.current_open() is None:
            return None
        self._couple()
        parts = self.config.parts
        runs = [self._run(c) for c in self.competences]
        if not parts.stopper.profile_done(runs):
            rng = random.Random(f"{self.seed}:profile:{len(self.answers)}")
            choice = parts.selector.choose_in_profile(self.ref, self._offers(runs), rng)
            if choice is not None:
                self.pending = choice.id
                return choice
        self.closed.extend(c for c in self.competences if c not in self.closed)
        return None

    def _offers(self, runs: list[CompetenceRun]) -> list[tuple[CompetenceRun, list[Skill]]]:
        """The competences that may be asked next, each with the skills it may ask: first those
        short of their minimum of questions, then every competence not settled."""
        parts = self.config.parts

        def skills(run: CompetenceRun) -> list[Skill]:
            if run.asked:
                # What a competence may ask depends on its own answers alone: kept until the next.
                found = run.memo.get("allowed")
                if found is not None and found[0] is run.inferred:
                    return found[1]
            candidates = candidate_skills(self.ref, run, self.config.ask_inferred_last)
            if not candidates:
                allowed = []
            elif not run.asked:
                # Its start depends on the mean alone (the same sum as ``mean_sd``'s, faster).
                return parts.initializer.start_skills(model.moments(run.posterior), candidates)
            else:
                allowed = parts.selector.allowed(run, candidates)
            if run.asked:
                run.memo["allowed"] = (run.inferred, allowed)
            return allowed

        for group in (parts.stopper.must_ask(runs),
                      [run for run in runs if not parts.stopper.should_stop(run)]):
            offers = [(run, found) for run in group if (found := skills(run))]
            if offers:
                return offers
        return []

    def answer(self, challenge_id: str, response: Any) -> bool:
        """Check a learner's raw response, record it, and say whether it was right."""
        challenge = self._challenge(challenge_id)
        skipped = response is None or response == SKIPPED
        correct = False if skipped else is_correct(challenge, response)
        status = "skipped" if skipped else ("ok" if correct else "ko")
        self._record(challenge, correct, status, None if skipped else response)
        return correct

    def record(self, challenge_id: str, correct: bool) -> None:
        """Record an outcome without a response (simulations, imports)."""
        self._record(self._challenge(challenge_id), bool(correct), "recorded", None)

    def _challenge(self, challenge_id: str) -> Challenge:
        try:
            return self.ref.challenges[challenge_id]
        except KeyError:
            raise EngineError("unknown-challenge", f"Épreuve inconnue : {challenge_id}") from None

    def _record(self, challenge: Challenge, correct: bool, status: str, response: Any) -> None:
        skill = self.ref.skills[challenge.skill_id]
        cid = skill.competence_id
        if (cid in self.closed or cid not in self._targets) if self.joint else (
                cid != self.current_competence):
            raise EngineError("not-current",
                              f"L'épreuve {challenge.id} n'appartient pas à la compétence en cours.")
        run = self._run(cid)
        if skill.id in run.asked_skills:
            raise EngineError("already-answered", f"L'acquis {skill.id} a déjà été évalué.")
        record = AnswerRecord(challenge.id, correct, status, response)
        self.answers.append(record)
        self._apply(run, record)
        self._coupled = not self.joint
        if self.pending == challenge.id:
            self.pending = None

    # ----------------------------------------------------------------- decisions
    def _rng(self, run: CompetenceRun) -> random.Random:
        return random.Random(f"{self.seed}:{run.competence_id}:{run.asked}")

    def _choose(self, run: CompetenceRun) -> Challenge | None:
        candidates = candidate_skills(self.ref, run, self.config.ask_inferred_last)
        if not candidates:
            return None
        parts, rng = self.config.parts, self._rng(run)
        if not run.asked:
            skill = parts.initializer.first_skill(run.prior, candidates, rng)
            return parts.selector.variant(self.ref, run, skill, rng)
        return parts.selector.choose(self.ref, run, candidates, rng)

    # ----------------------------------------------------------------- results
    def progress(self) -> dict[str, Any]:
        """Where the learner is, for a progress indicator."""
        cid = self.current_competence
        index = self.competences.index(cid) if cid else len(self.competences)
        run = self._run(cid) if cid else None
        total = self.config.total_max_questions
        return {
            "competence": cid,
            "competence_index": index,
            "competence_count": len(self.competences),
            "asked_in_competence": run.asked if run else 0,
            "max_in_competence": min(self.config.max_questions, len(run.skills)) if run else 0,
            "asked": len(self.answers),
            # The whole assessment's cap on questions (None: each competence has its own).
            "max_total": total or None,
            # Competences asked in turns (a joint profile): the index says which one this
            # question is about, not how far the test is (``asked`` / ``max_total`` does).
            "interleaved": self.joint,
            "done": cid is None,
        }

    def result(self) -> AssessmentResult:
        self._couple()
        competences = {}
        for cid in self.competences:
            run = self._run(cid)
            probs = run.level_probabilities()
            level = run.estimator.level(run.posterior, run.max_level)
            mean, sd = run.estimator.mean_sd(run.posterior)
            validated = sorted(s for s, ok in run.inferred.items() if ok)
            failed = sorted(s for s, ok in run.inferred.items() if not ok)
            competences[cid] = CompetenceResult(
                competence_id=cid, level=level, probability=probs[level], theta=mean, sd=sd,
                level_probabilities=probs, max_level=run.max_level,
                pix=pix_for(self.ref, cid, level, run.inferred),
                validated_skills=validated, failed_skills=failed,
                asked=run.asked, correct=sum(a.correct for a in run.answers),
                complete=cid in self.closed,
            )
        return AssessmentResult(competences=competences, complete=self.current_competence is None,
                                answers=list(self.answers))
