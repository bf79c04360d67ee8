// scenarios serve: reload the page when the server has rebuilt it.
"use strict";
(() => {
  const version = document.currentScript.dataset.version;
  const poll = async () => {
    try {
      const answer = await fetch("/_version", { cache: "no-store" });
      if (answer.ok && (await answer.text()) !== version) return location.reload();
    } catch {}  // the server is stopped or restarting: keep asking
    setTimeout(poll, 500);
  };
  setTimeout(poll, 500);
})();
