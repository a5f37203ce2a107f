// Engine time per step inside real Pyodide (Node), through the same message protocol the
// browser's worker uses: every step parses the stored state, replays it, records the answer,
// chooses the next question and serialises the state again.
// Usage: node benchmarks/pyodide_steps.mjs [dist] [runs]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const distDir = path.resolve(process.argv[2] || "dist");
const runs = Number(process.argv[3] || 3);
const version = readdirSync(path.join(distDir, "pyodide"))[0];
const indexURL = path.join(distDir, "pyodide", version) + path.sep;
const engineZip = readdirSync(path.join(distDir, "engine")).find((f) => f.startsWith("engine.") && f.endsWith(".zip"));
const lock = JSON.parse(readFileSync(new URL("../node_modules/pyodide/pyodide-lock.json", import.meta.url)));
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);

let t = performance.now();
const pyodide = await loadPyodide({ indexURL, lockFileContents: { info: lock.info, packages: {} } });
const bootMs = performance.now() - t;
pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(distDir, "engine", engineZip))), "zip", { extractDir: "/app" });
pyodide.runPython("import sys; sys.path.insert(0, '/app')");
const protocol = pyodide.pyimport("engine.protocol");
const call = (request) => JSON.parse(protocol.handle_json(JSON.stringify(request)));
const referential = JSON.parse(readFileSync(path.join(distDir, "data", "referential.json"), "utf8"));
t = performance.now();
call({ type: "init", referential });
const initMs = performance.now() - t;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const competences = referential.competences.map((c) => c.id);

// A learner who answers at random (the default), or, for the profil express, one of level
// ``level``: the referential's own solution to QCU and QROC challenges up to that level (the
// long walks a real person takes through the joint profile), at random otherwise.
const byId = Object.fromEntries(referential.challenges.map((c) => [c.id, c]));
const skillLevel = Object.fromEntries(referential.skills.map((s) => [s.id, s.level]));
function levelled(level) {
  return (c, random) => {
    const full = byId[c.id];
    if (full && skillLevel[full.skill_id] <= level && random() < 0.85) {
      if (full.type === "QCU") return String(full.solution);
      if (full.type === "QROC") return full.answers[0];
    }
    return c.proposals ? String(1 + Math.floor(random() * c.proposals.length)) : (random() < 0.5 ? null : "réponse");
  };
}
const atRandom = (c, random) => (c.proposals ? String(1 + Math.floor(random() * c.proposals.length)) : (random() < 0.5 ? null : "réponse"));

// Simulated tests started by this request; time of every step.
function measure(start, answerer = atRandom) {
  // Wall time, and the process's CPU time (user + system), which a loaded machine inflates less.
  const out = { steps: [], cpuSteps: [], firstSteps: [], lastSteps: [], questions: 0 };
  for (let run = 0; run < runs; run++) {
    let seed = 1000 + run;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    t = performance.now();
    let response = call({ type: "start", ...start, seed });
    out.firstSteps.push(performance.now() - t);
    while (response.challenge) {
      const c = response.challenge;
      const answer = answerer(c, random);
      const cpu = process.cpuUsage();
      t = performance.now();
      response = call({ type: "answer", state: response.state, challenge: c.id, response: answer });
      (response.challenge ? out.steps : out.lastSteps).push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      if (response.challenge) out.cpuSteps.push((used.user + used.system) / 1000);
      if (!response.ok) throw new Error(JSON.stringify(response.error));
      out.questions++;
    }
  }
  return out;
}
const { steps, cpuSteps, firstSteps, lastSteps, questions } = measure({ competences });
const hasExpress = (referential.profiles || []).some((p) => p.id === "profil-express");
const express = hasExpress ? measure({ profile: "profil-express" }, levelled(3)) : null;
// The same profiles on a calibrated bank (content/referential/calibration.yaml): every challenge
// with its own difficulty (level ± up to 0.9), discrimination and uncertainty, so each has its
// own curve (the cost of calibration: fewer shared curves to cache).
const levelOf = Object.fromEntries(referential.skills.map((s) => [s.id, s.level]));
const calibrated = { ...referential, challenges: referential.challenges.map((c, i) => ({ ...c,
  calibration: { difficulty: levelOf[c.skill_id] + ((i * 37) % 19 - 9) / 10, discrimination: 1 + (i % 11) / 10, sd: 0.2 + (i % 5) / 20, answers: 100 } })) };
call({ type: "init", referential: calibrated });
const withCalibration = measure({ competences });
const mean = steps.reduce((a, b) => a + b, 0) / steps.length;
const fmt = (x) => x.toFixed(2);
console.log("# Engine time per step in Pyodide\n");
console.log(`Command: \`node benchmarks/pyodide_steps.mjs ${process.argv[2] || "dist"} ${runs}\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}).\n`);
console.log("Each step goes through the same message protocol as the browser's worker (`engine.protocol.handle_json`): the stored state is parsed, the answer is checked and recorded, the next question is chosen, and the state is serialised again. Simulated full profiles (16 competences each) on the built referential.\n");
console.log(`| mesure | valeur |`);
console.log(`|---|---|`);
console.log(`| Pyodide | ${version} (${pyodide.runPython("import sys; sys.version.split()[0]")}) |`);
console.log(`| démarrage de Pyodide (Node, stdlib précompilée) | ${bootMs.toFixed(0)} ms |`);
console.log(`| chargement du référentiel (${referential.challenges.length} épreuves) | ${initMs.toFixed(0)} ms |`);
console.log(`| tests simulés (16 compétences chacun) | ${runs}, ${questions} questions |`);
console.log(`| temps moteur par question (réponse enregistrée, question suivante choisie) : moyenne | ${fmt(mean)} ms |`);
console.log(`| médiane / 95e centile / maximum | ${fmt(percentile(steps, 0.5))} / ${fmt(percentile(steps, 0.95))} / ${fmt(Math.max(...steps))} ms |`);
const cpuMean = cpuSteps.reduce((a, b) => a + b, 0) / cpuSteps.length;
console.log(`| temps CPU du processus par question : moyenne / 95e centile / maximum | ${fmt(cpuMean)} / ${fmt(percentile(cpuSteps, 0.95))} / ${fmt(Math.max(...cpuSteps))} ms |`);
console.log(`| première étape (démarrage du test), au plus | ${fmt(Math.max(...firstSteps))} ms |`);
console.log(`| dernière étape (résultats et correction de tout le test), au plus | ${fmt(Math.max(...lastSteps))} ms |`);
if (express) {
  const m = express.steps.reduce((a, b) => a + b, 0) / express.steps.length;
  console.log(`| profil express : tests simulés (une personne de niveau 3 : les QCU et QROC des niveaux 1 à 3 réussis 85 fois sur 100) | ${runs}, ${express.questions} questions |`);
  console.log(`| profil express : moyenne / 95e centile / maximum par question | ${fmt(m)} / ${fmt(percentile(express.steps, 0.95))} / ${fmt(Math.max(...express.steps))} ms |`);
  console.log(`| profil express : dernière étape, au plus | ${fmt(Math.max(...express.lastSteps))} ms |`);
  const cm = express.cpuSteps.reduce((a, b) => a + b, 0) / express.cpuSteps.length;
  console.log(`| profil express : temps CPU du processus par question (moins sensible à la charge de la machine) : moyenne / 95e centile / maximum | ${fmt(cm)} / ${fmt(percentile(express.cpuSteps, 0.95))} / ${fmt(Math.max(...express.cpuSteps))} ms |`);
}
{
  const c = withCalibration.steps;
  const m = c.reduce((a, b) => a + b, 0) / c.length;
  console.log(`| banque calibrée (une courbe par épreuve) : moyenne / 95e centile / maximum par question | ${fmt(m)} / ${fmt(percentile(c, 0.95))} / ${fmt(Math.max(...c))} ms |`);
}
console.log("\nThe last step of a test builds the whole results page (levels, skills, tutorials, and the correction of every question), once per test.");
