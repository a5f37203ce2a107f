// The results screen: levels, skills, tutorials, parcours and the review. Display strings that
// the engine declared as sanitised HTML go through dom.js; everything else is text.
import { el } from "./dom.js";

const CONFIDENCE = (p) => (p >= 0.7 ? "forte" : p >= 0.5 ? "moyenne" : "modérée");
const plural = (n, word) => `${n} ${word}${n > 1 ? "s" : ""}`;

export function renderResults(body, result, ctx) {
  body.replaceChildren(el("p", { class: "lead" }, result.competences.length > 1
    ? `Vous avez obtenu ${result.pix} pix sur l'ensemble des compétences testées.`
    : "Voici ce que le test a appris de vos réponses."));
  if (result.profile) body.append(profileCard(result.profile));
  for (const comp of result.competences) body.append(competenceCard(comp, ctx));
  if (result.review.length) body.append(reviewSection(result.review));
}

function profileCard(profile) {
  const card = el("section", { class: "profile-result", "aria-labelledby": "res-profile" },
    el("h2", { id: "res-profile" }, `Parcours « ${profile.title} »`),
    el("p", { class: "result-level" }, el("strong", {}, `${profile.mastery} %`),
      ` des acquis du parcours sont maîtrisés (${profile.validated} sur ${profile.skills}).`));
  if (profile.stage) {
    card.append(el("p", {}, `Palier ${profile.stage_index} sur ${profile.stage_count} : `,
      el("strong", {}, profile.stage.title), ` — ${profile.stage.message}`));
  }
  for (const block of profile.blocks) card.append(el("p", { class: "meta" }, `${block.title} : ${block.mastery} %`));
  if (profile.badges.length) {
    card.append(el("ul", { class: "badge-list" }, profile.badges.map((badge) => el("li", { class: badge.obtained ? "obtained" : "" },
      el("strong", {}, badge.title),
      ` — ${badge.obtained ? "Badge obtenu" : `Pas encore obtenu (progression ${badge.progress} %)`}. ${badge.description}`))));
  }
  return card;
}

function competenceCard(comp, ctx) {
  const heading = `res-${comp.competence_id}`;
  const card = el("section", { class: "result-card", "aria-labelledby": heading },
    el("h2", { id: heading }, `${comp.competence_id} ${comp.title}`));
  card.append(comp.level > 0
    ? el("p", { class: "result-level" }, "Niveau ", el("strong", {}, String(comp.level)), ` sur ${comp.max_level} `,
      el("span", { class: "level-name" }, `(${ctx.levelNames[comp.level]})`), ` · ${comp.pix} pix`)
    : el("p", { class: "result-level" }, "Niveau ", el("strong", {}, "0"),
      ` sur ${comp.max_level} · ${comp.pix} pix — les bases de cette compétence sont à découvrir : les tutoriels ci-dessous sont faits pour vous.`));
  const meter = el("div", { class: "level-meter", role: "img", "aria-label": `Niveau ${comp.level} sur ${comp.max_level}` });
  for (let i = 1; i <= comp.max_level; i++) meter.append(el("span", { class: i <= comp.level ? "on" : "" }));
  card.append(meter);
  card.append(el("p", { class: "meta" },
    `${plural(comp.correct, "bonne")} ${comp.correct > 1 ? "réponses" : "réponse"} sur ${plural(comp.asked, "question")} · confiance dans ce niveau : ${CONFIDENCE(comp.probability)}`));
  if (comp.validated.length) card.append(skillList("Ce que vous savez faire", comp.validated));
  if (comp.failed.length) {
    // One next step per sujet (its easiest skill not yet acquired): a short list that helps.
    const next = new Map();
    for (const s of comp.failed) if (!next.has(s.tube) || next.get(s.tube).level > s.level) next.set(s.tube, s);
    card.append(skillList("Vos prochaines étapes", [...next.values()]));
    if (comp.failed.length > next.size) {
      card.append(el("details", { class: "more-skills" },
        el("summary", {}, `Tout ce qui reste à travailler (${comp.failed.length})`),
        skillList("Ce que vous pouvez travailler", comp.failed)));
    }
  }
  if (comp.tutorials.length) {
    card.append(el("h3", {}, "Tutoriels pour progresser"),
      el("ul", { class: "tutorial-list" }, comp.tutorials.map((tut) => el("li", {},
        el("a", { href: ctx.asset(tut.url) }, tut.title), ` — ${tut.summary} (${tut.duration} min)`))));
  }
  return card;
}

function skillList(title, skills) {
  return el("div", {}, el("h3", {}, title),
    el("ul", { class: "skill-list" }, skills.map((s) => el("li", {}, s.title,
      " ", el("span", { class: "meta" }, `(${s.tube}, niveau ${s.level})`)))));
}

function lines(label, values) {
  if (!values.length) return null;
  const p = el("p", {}, `${label} : `);
  values.forEach((value, i) => p.append(...(i ? ["; ", el("span", {}, value)] : [el("span", {}, value)])));
  return p;
}

function reviewSection(review) {
  return el("details", { class: "review" },
    el("summary", {}, "Revoir les questions, les bonnes réponses et les explications"),
    el("ol", {}, review.map((item) => el("li", { class: item.correct ? "is-correct" : "is-wrong" },
      el("div", { class: "review-question" }, item.instruction),
      el("p", { class: "review-verdict" }, el("strong", {}, item.status === "skipped"
        ? "Vous avez passé cette question." : item.correct ? "Bonne réponse." : "Réponse incorrecte.")),
      lines("Votre réponse", item.response),
      lines("Réponse attendue", item.solution),
      el("div", { class: "review-explanation" }, item.explanation)))));
}
