// The results, as a beginner reads them: one headline per competence (the level and what it
// means in plain words), what to learn next and the recommended tutorials, then the details
// (skills, pix, confidence) and the review. The same renderer serves the end of a test and
// « Mon espace » (a stored record shown again through the engine's view). Display strings that the
// engine declared as sanitised HTML go through dom.js; everything else is text.
import { el } from "./dom.js";

const CONFIDENCE = (p) => (p >= 0.7 ? "forte" : p >= 0.5 ? "moyenne" : "modérée");
const plural = (n, word) => `${n} ${word}${n > 1 ? "s" : ""}`;
const NEXT_LEVEL = "niveau-suivant";

/**
 * Render a result view (engine.protocol result_view / record_view) into body.
 * ctx: {asset(path) → URL, heading (2 by default: the level of each competence's heading),
 *       idPrefix (unique per rendered result), tutos (optional: {isSaved, isRead, toggleSaved,
 *       toggleRead}, to bookmark a tutorial and mark it as read)}.
 */
export function renderResults(body, result, ctx) {
  const h = ctx.heading || 2;
  const prefix = ctx.idPrefix || "res";
  body.replaceChildren(el("p", { class: "lead" },
    "Voici ce que le test a appris de vos réponses : votre niveau, ce qu'il veut dire, et ce que vous pouvez apprendre ensuite."));
  if (result.profile) body.append(profileCard(result.profile, h, prefix));
  for (const comp of result.competences) body.append(competenceCard(comp, ctx, h, prefix));
  if (result.competences.length > 1) {
    body.append(el("p", { class: "meta" }, `Total : ${result.pix} pix sur l'ensemble des compétences testées (${PIX_NOTE})`));
  }
  if (result.review.length) body.append(reviewSection(result.review));
}

const PIX_NOTE = "les pix sont des points sur l'échelle de Pix, jusqu'à 64 par compétence ; c'est une estimation de Diagnum, pas un score officiel Pix";

function profileCard(profile, h, prefix) {
  const id = `${prefix}-profile`;
  const card = el("section", { class: "profile-result", "aria-labelledby": id },
    el(`h${h}`, { id }, `Parcours « ${profile.title} »`),
    el("p", { class: "result-headline" }, "Vous maîtrisez ", el("strong", {}, `${profile.mastery} %`),
      ` de ce que demande ce parcours (${profile.validated} savoir-faire sur ${profile.skills}).`));
  if (profile.stage) {
    card.append(el("p", {}, `Vous avez atteint le palier ${profile.stage_index} sur ${profile.stage_count} : `,
      el("strong", {}, profile.stage.title), ` — ${profile.stage.message}`));
  }
  if (profile.badges.length) {
    card.append(el("ul", { class: "badge-list" }, profile.badges.map((badge) => el("li", { class: badge.obtained ? "obtained" : "" },
      badge.obtained
        ? [el("strong", {}, `Bravo, vous avez le badge « ${badge.title} » !`), ` Vous maîtrisez ce qu'il demande. ${badge.description}`]
        : [el("strong", {}, `Badge « ${badge.title} » : pas encore.`), ` Vous en êtes à ${badge.progress} % : encore un effort ! ${badge.description}`]))));
  }
  if (profile.blocks.length) {
    card.append(el("details", { class: "more-skills" }, el("summary", {}, "Le détail par partie du parcours"),
      el("ul", {}, profile.blocks.map((block) => el("li", {}, `${block.title} : ${block.mastery} %`)))));
  }
  return card;
}

// The headline: the level and what it means, in plain words.
function headline(comp) {
  if (comp.level === 0) {
    return [el("p", { class: "result-headline" }, el("strong", {}, "Niveau 0 : "),
      "les bases de cette compétence sont à découvrir. Les tutoriels ci-dessous sont faits pour vous.")];
  }
  const level = comp.capped
    ? [el("strong", {}, `Niveau ${comp.level} au moins`), ` : vous avez réussi tout ce que ce test mesure (jusqu'au niveau ${comp.max_level}).`]
    : [el("strong", {}, `Niveau ${comp.level}`), ` sur ${comp.max_level} : niveau « ${comp.level_name} ».`];
  const out = [el("p", { class: "result-headline" }, ...level)];
  if (comp.level_text) out.push(el("p", { class: "level-text" }, `À ce niveau, on sait : ${comp.level_text}`));
  return out;
}

function competenceCard(comp, ctx, h, prefix) {
  const heading = `${prefix}-${comp.competence_id}`;
  const card = el("section", { class: "result-card", "aria-labelledby": heading },
    el(`h${h}`, { id: heading }, `${comp.competence_id} ${comp.title}`), ...headline(comp));
  const meter = el("div", { class: "level-meter", role: "img", "aria-label": `Niveau ${comp.level} sur ${comp.max_level}` });
  for (let i = 1; i <= comp.max_level; i++) meter.append(el("span", { class: i <= comp.level ? "on" : "" }));
  card.append(meter);
  const steps = comp.next_steps || [];
  if (steps.length) {
    card.append(el(`h${h + 1}`, {}, "Ce que vous pouvez apprendre ensuite"),
      el("ul", { class: "skill-list next-steps" }, steps.map((step) => el("li", {},
        step.kind === NEXT_LEVEL ? el("strong", {}, "Pour aller plus loin : ") : null,
        step.skill.title, " ", el("span", { class: "meta" }, `(${step.tube}, niveau ${step.skill.level})`)))));
  } else if (comp.level > 0) {
    card.append(el("p", {}, "Vous avez acquis tout ce que Diagnum propose dans cette compétence. Bravo !"));
  }
  if (comp.tutorials.length) {
    card.append(el(`h${h + 1}`, {}, "Tutoriels recommandés pour vous"),
      el("ul", { class: "tutorial-list" }, comp.tutorials.map((tut) => tutorialItem(tut, ctx))));
  }
  const details = el("details", { class: "more-skills" },
    el("summary", {}, "Le détail : ce que vous savez faire, vos points, la confiance"),
    el("p", { class: "meta" },
      `${plural(comp.correct, "bonne")} ${comp.correct > 1 ? "réponses" : "réponse"} sur ${plural(comp.asked, "question")} · confiance dans ce niveau : ${CONFIDENCE(comp.probability)}`),
    el("p", { class: "meta" }, `${comp.pix} pix : ${PIX_NOTE}.`));
  if (comp.validated.length) details.append(skillList("Ce que vous savez faire", comp.validated, h + 1));
  if (comp.failed.length) details.append(skillList("Ce qui reste à travailler", comp.failed, h + 1));
  card.append(details);
  return card;
}

function tutorialItem(tut, ctx) {
  const item = el("li", { class: "tutorial-item" },
    el("a", { href: ctx.asset(tut.url) }, tut.title), ` — ${tut.summary} (${tut.duration} min)`,
    tut.kind === NEXT_LEVEL ? el("span", { class: "meta" }, " · pour aller plus loin") : null);
  if (ctx.tutos) item.append(" ", tutoButtons(tut, ctx.tutos));
  return item;
}

// Bookmark and « lu » toggles: pressed buttons (aria-pressed), with their state in words too.
export function tutoButtons(tut, tutos) {
  const make = (label, isOn, toggle) => {
    const button = el("button", { type: "button", class: "button button-small tuto-toggle" });
    const paint = () => {
      const on = isOn(tut.id);
      button.setAttribute("aria-pressed", String(on));
      button.replaceChildren(on ? `✓ ${label.on}` : label.off, el("span", { class: "visually-hidden" }, ` : ${tut.title}`));
    };
    button.addEventListener("click", () => {
      toggle(tut);
      paint();
    });
    paint();
    return button;
  };
  return el("span", { class: "tuto-actions" },
    make({ on: "Dans mes tutos", off: "Garder dans mes tutos" }, tutos.isSaved, tutos.toggleSaved),
    " ",
    make({ on: "Lu", off: "Marquer comme lu" }, tutos.isRead, tutos.toggleRead));
}

function skillList(title, skills, h) {
  return el("div", {}, el(`h${h}`, {}, title),
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
