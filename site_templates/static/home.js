// The home page's « Vos tests »: « Reprendre votre test » for each test in progress (which one,
// how far) and the last results, read through learner.js. Nothing shows for a first visit.
import { el } from "./dom.js";
import { chosenProfile, listProfiles, history, inProgress } from "./learner.js";
import { formatDate, testTitle, testUrl, progressWords, finishedItems, itemLevels, levelWords, isAtLeast } from "./learner-view.js";
import { campaignUrl, CodeError } from "./campaign-code.js";

const runtime = JSON.parse(document.getElementById("diagnum-runtime").textContent);
const $ = (id) => document.getElementById(id);

function main() {
  let running, finished, profile;
  try {
    profile = chosenProfile();
    if (!profile) return askWho();
    running = inProgress(profile.id);
    finished = finishedItems(history(profile.id));
  } catch {
    return; // unreadable storage: the test page says so when a test is opened
  }
  $("home-resume").hidden = running.length === 0;
  $("home-resume-list").replaceChildren(...running.map((item) => el("li", { class: "resume-item" },
    el("p", {}, el("strong", {}, testTitle(item.key, runtime, item.campaign)), ` — ${progressWords(item)}`),
    el("p", {}, el("a", { class: "button button-primary", href: testUrl(item.key, runtime, item.campaign) },
      "Reprendre votre test", el("span", { class: "visually-hidden" }, ` : ${testTitle(item.key, runtime, item.campaign)}`))))));
  const last = finished[0];
  $("home-last").hidden = !last;
  if (last) {
    $("home-last-body").replaceChildren(
      el("p", {}, el("strong", {}, testTitle(last.key, runtime, last.campaign)), `, terminé le ${formatDate(last.date)}${profile.name ? ` (profil : ${profile.name})` : ""}.`),
      el("ul", { class: "test-levels" }, itemLevels(last).map((c) => el("li", {},
        `${c.id} ${runtime.titles[c.id] ?? ""} : `,
        el("strong", {}, `niveau ${levelWords({ level: c.level, atLeast: isAtLeast(c) })}`)))));
  }
  $("learner-home").hidden = running.length === 0 && !last;
}

// Several people use this browser: nobody's tests are shown before « Mon espace » asks who is here.
function askWho() {
  if (listProfiles().length === 0) return;
  $("home-last").hidden = false;
  $("home-last-body").replaceChildren(el("p", {}, "Ce navigateur garde des tests : ouvrez « Mon espace » et choisissez votre profil pour retrouver les vôtres."));
  $("learner-home").hidden = false;
}

// « J'ai un code »: a typo or a code of no parcours of this site is said at once, in French.
function joinCampaign(event) {
  event.preventDefault();
  const input = $("campaign-code-input");
  const error = $("campaign-code-error");
  try {
    const url = campaignUrl(input.value, runtime.slots || {}, runtime.test);
    input.removeAttribute("aria-invalid");
    error.hidden = true;
    location.assign(url);
  } catch (problem) {
    if (!(problem instanceof CodeError)) throw problem;
    error.textContent = input.value.trim() ? problem.message : "Tapez le code de campagne que l'on vous a donné.";
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "campaign-code-error campaign-code-help");
    input.focus();
  }
}

$("campaign-code-form").addEventListener("submit", joinCampaign);
main();
