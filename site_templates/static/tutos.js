// « Mes tutos »: a tutorial bookmarked or marked as read, for the buttons results.js draws. The
// marks are stored in the learner's profile through learner.js; the buttons change at once and
// the stored marks are read back once saved.
import { tutorialMarks, saveTutorialMark } from "./learner.js";

/**
 * The marks of the profile `profileId()` names (a function: the test page chooses its profile
 * after it draws). onSaved() after every stored change; onError(message) when storing failed.
 * @returns {{isSaved(id), isRead(id), toggleSaved(tut), toggleRead(tut), refresh()}}
 */
export function makeTutos(profileId, { onSaved = () => {}, onError = () => {} } = {}) {
  let marks = {};
  let loaded = false; // read on first use: the profile may not be chosen yet when this is made
  const current = () => (loaded ? marks : tutos.refresh());
  const tutos = {
    refresh() {
      const id = profileId();
      try { marks = id ? tutorialMarks(id) : {}; } catch { marks = {}; }
      loaded = !!id;
      return marks;
    },
    ids: () => Object.keys(current()),
    isSaved: (id) => !!current()[id]?.bookmarked,
    isRead: (id) => !!current()[id]?.read,
    toggleSaved: (tut) => change(tut.id, { bookmarked: !tutos.isSaved(tut.id) }),
    toggleRead: (tut) => change(tut.id, { read: !tutos.isRead(tut.id) }),
  };
  function change(id, next) {
    const previous = current()[id] || { bookmarked: false, read: false };
    marks[id] = { ...previous, ...next };
    if (!profileId()) return;
    saveTutorialMark(profileId(), id, next).then(() => {
      tutos.refresh();
      onSaved();
    }, (error) => {
      marks[id] = previous;
      onError(`Ce choix n'a pas pu être enregistré (${error.message}).`);
    });
  }
  return tutos;
}
