// « J'ai un code »: a campaign code typed on the home page, checked at once, before anything is
// downloaded. The same reading as campaigns/codes.py `decode` (same check, same French messages):
// tests/test_campaign_browser.py runs both on every single-character typo and every swap of
// neighbours of real codes and requires the same verdict and message. The test page then reads the
// campaign again in Python (campaigns.participant), which stays the authority.
const LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"; // 23, a prime: the check works modulo 23
const DIGITS = "23456789";
const CHECK_INDEX = 5;
const WEIGHTS = [2, 3, 4, 5, 6, 1, 7, 8, 9];
const SLOTS = 32;
const GOALS = ["evaluer", "collecter"];
const MAX_NONCE = Math.floor((23 ** 5 * 8 ** 3) / (SLOTS * GOALS.length));

export class CodeError extends Error {}

/** What a person typed, as a code: case and spaces, dashes or dots forgiven. */
export function normalise(text) {
  return String(text).replace(/[\s\-.]/g, "").toUpperCase();
}

/** {code, slot, goal} of a typed campaign code; throws CodeError (French) otherwise. */
export function decodeCampaignCode(text) {
  const code = normalise(text);
  if ([...code].length !== 9) {
    throw new CodeError(`Un code de campagne a 9 caractères (6 lettres puis 3 chiffres) ; celui-ci en a ${[...code].length}.`);
  }
  if (!/^[A-Z]{6}[0-9]{3}$/.test(code)) {
    throw new CodeError("Un code de campagne commence par 6 lettres et finit par 3 chiffres (par exemple KXRTPM248).");
  }
  const wrong = [...new Set([...code.slice(0, 6)].filter((c) => !LETTERS.includes(c)).concat([...code.slice(6)].filter((c) => !DIGITS.includes(c))))].sort();
  if (wrong.length) {
    throw new CodeError(`Ces caractères n'existent pas dans les codes de campagne : ${wrong.join(", ")} (il n'y a ni I, ni L, ni O, ni 0, ni 1). Vérifiez le code sur la feuille.`);
  }
  const symbols = [...code.slice(0, 6)].map((c) => LETTERS.indexOf(c)).concat([...code.slice(6)].map((c) => DIGITS.indexOf(c)));
  if (symbols.reduce((sum, v, i) => sum + WEIGHTS[i] * v, 0) % 23) {
    throw new CodeError("Ce code de campagne n'est pas valide : un caractère a sans doute été mal recopié. Vérifiez-le sur la feuille ou demandez-le à la personne qui anime la séance.");
  }
  let number = 0;
  symbols.forEach((value, i) => {
    if (i === CHECK_INDEX) return;
    number = number * (i < 6 ? 23 : 8) + value;
  });
  const goal = number % GOALS.length;
  const rest = Math.floor(number / GOALS.length);
  const nonce = Math.floor(rest / SLOTS);
  if (nonce >= MAX_NONCE) throw new CodeError("Ce code de campagne n'est pas valide : vérifiez-le sur la feuille.");
  return { code, slot: rest % SLOTS, goal: GOALS[goal] };
}

/**
 * The test page's address for a typed code, or a French error: `slots` maps a parcours' number in
 * codes to its id (the builder computes it with campaigns.codes.parcours_slot).
 */
export function campaignUrl(text, slots, testUrl) {
  const { code, slot, goal } = decodeCampaignCode(text);
  if (goal === "evaluer" && !(String(slot) in slots)) {
    throw new CodeError("Ce code de campagne est bien écrit, mais il ne correspond à aucun parcours de ce site. Si la personne qui anime la séance vous a donné un lien ou un QR code, utilisez-le ; sinon, vérifiez que vous êtes sur le bon site.");
  }
  const url = new URL(testUrl, location.href);
  url.searchParams.set("campagne", code);
  return url.href;
}
