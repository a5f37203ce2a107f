// Diagnum's live reload, injected by `diagnum serve` only (never written into dist/).
// It long-polls the dev server: after a successful rebuild it reloads the page; after a failed
// one it shows the errors (file:line) in a panel on the page, and removes it once fixed.
// An external file, not an inline script, because the site's Content-Security-Policy forbids those.
(() => {
  "use strict";
  const script = document.currentScript;
  const endpoint = new URL("livereload", script.src);
  const pageBuild = script.dataset.good;
  let since = "-1";
  let panel = null;

  function text(tag, content) {
    const node = document.createElement(tag);
    node.textContent = content;
    return node;
  }

  function hidePanel() {
    if (panel) panel.remove();
    panel = null;
  }

  function showErrors(state) {
    hidePanel();
    panel = document.createElement("section");
    panel.id = "diagnum-build-errors";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "diagnum-build-errors-title");
    panel.lang = "fr";
    const s = panel.style;
    s.position = "fixed"; s.left = "1rem"; s.right = "1rem"; s.bottom = "1rem"; s.zIndex = "2147483647";
    s.maxHeight = "50vh"; s.overflow = "auto"; s.padding = "1rem 1.25rem"; s.background = "#fff";
    s.color = "#1a1a1a"; s.border = "4px solid #b00020"; s.borderRadius = "6px";
    s.boxShadow = "0 4px 16px rgba(0,0,0,.3)"; s.font = "1rem/1.5 system-ui, sans-serif";
    const title = text("h2", "La reconstruction du site a échoué");
    title.id = "diagnum-build-errors-title";
    title.style.color = "#b00020"; title.style.margin = "0 0 .5rem"; title.style.fontSize = "1.25rem";
    panel.append(title, text("p", state.summary + " La page montre la dernière version valide du site ; "
      + "corrigez, enregistrez, et elle se rechargera d'elle-même."));
    const list = document.createElement("ul");
    for (const line of state.errors) {
      const item = text("li", line);
      item.style.fontFamily = "ui-monospace, monospace"; item.style.whiteSpace = "pre-wrap";
      list.append(item);
    }
    const close = text("button", "Masquer ce message");
    close.type = "button";
    close.style.font = "inherit"; close.style.padding = ".25rem .75rem";
    close.addEventListener("click", hidePanel);
    panel.append(list, close);
    document.body.append(panel);
  }

  async function poll() {
    for (;;) {
      let state;
      try {
        const response = await fetch(`${endpoint}?since=${encodeURIComponent(since)}`, {cache: "no-store"});
        if (!response.ok) throw new Error(String(response.status));
        state = await response.json();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));  // the server restarts: wait
        continue;
      }
      if (String(state.good) !== pageBuild) {  // a newer good site: show it (and its errors, if any)
        location.reload();
        return;
      }
      if (state.ok) hidePanel();
      else if (String(state.attempt) !== since) showErrors(state);
      since = String(state.attempt);
    }
  }

  poll();
})();
