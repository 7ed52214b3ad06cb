/* One entry in the browser's history per page visited, so Back returns to the page before with
   its filters. Added once by ui/history.py.

   Streamlit pushes a history entry whenever a run writes query parameters that differ from the
   URL (App.tsx: handlePageInfoChanged), and the app writes every filter a page shows into the
   URL (ui/filters.py), one write per filter. A page opened from the sidebar or a button
   (st.switch_page) got an entry for its path and one more for each filter written after it:
   Back went from /wilayah?tab=conflicts to /wilayah, whose run wrote the same filters back, and
   the reader stayed on Wilayah.

   - A push to the path already shown replaces the entry: a page's entry follows its filters; a
     new page (another path) still gets an entry of its own.
   - Streamlit changes the path only once React has drawn the new page, and a filter the new
     page writes can reach the URL before that, on the old path. The page left keeps the
     address it had when the reader acted (a click, a key, Back): it is put back before the new
     page's entry is pushed.
   Streamlit's own Back (popstate: the page run again with the link's filters) is left as is. */
(() => {
  if (window.__pulihHistory) return;
  window.__pulihHistory = true;
  const push = window.history.pushState.bind(window.history);
  const replace = window.history.replaceState.bind(window.history);
  let before = window.location.href; // the address when the reader last acted
  const remember = () => {
    before = window.location.href;
  };
  for (const event of ["pointerdown", "keydown", "popstate"]) {
    window.addEventListener(event, remember, true);
  }
  window.history.pushState = (state, title, url) => {
    const next = new URL(url ?? window.location.href, window.location.href);
    if (next.pathname === window.location.pathname) return replace(state, title, url);
    if (new URL(before).pathname === window.location.pathname) {
      replace(window.history.state, "", before);
    }
    push(state, title, url);
    before = window.location.href;
  };
})();
