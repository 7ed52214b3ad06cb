/* The names Streamlit, Plotly and maplibre give their own parts, in the page's language (ui/
   streamlit_words.py says why). The table is on the window (window.__pulihWords: whole names and
   prefixes, English -> the reader's words); this script renames what is on the page now and
   whatever is drawn later, and a new table (a switch of language) renames everything again.

   Each renamed attribute keeps the library's own English beside it (on the element, not in the
   DOM), so a switch back to English restores it, and a name the library changes later (a new
   option's "Remove …") is taken as its new English. An icon's name ("science icon") is the
   English name of a Material symbol: an icon beside words says nothing the words do not, and is
   hidden from screen readers; an icon alone keeps its name. */
(() => {
  const ATTRIBUTES = ["aria-label", "title", "placeholder", "data-title", "alt"];
  // text, not an attribute: the skip link, a text field's "Press Enter to apply", and the
  // heading a screen reader reads when a date field's calendar opens ("Choose date, November")
  const TEXTS = 'a[href="#stMain"], [data-testid="InputInstructions"], [role="application"] h2';
  // a Material symbol Streamlit draws in a badge, a caption, a button: named "science icon" etc.
  const ICONS = '[role="img"][aria-label$=" icon"]';
  // the menus a grid opens on a click (a column's ⋮, its statistics, formats, the columns shown):
  // each item's words are a text node beside an icon, so each such node is renamed on its own,
  // and only when it is a whole name of the table (a column's name or values stay as they are)
  const MENUS = [
    "stDataFrameColumnMenu", "stDataFrameStatisticsMenu", "stDataFrameColumnFormattingMenu",
    "stDataFrameColumnVisibilityMenu",
  ].map((id) => `[data-testid="${id}"]`).join(",");
  const ICON_TEXT = '[data-testid="stIconMaterial"]'; // an icon's ligature ("keep"), not words

  const said = (english) => {
    const words = window.__pulihWords || { names: {}, prefixes: {} };
    const name = english.trim();
    if (Object.hasOwn(words.names, name)) return words.names[name];
    for (const [prefix, pattern] of Object.entries(words.prefixes)) {
      if (name.startsWith(prefix)) return pattern.replace("{name}", name.slice(prefix.length));
    }
    return english;
  };

  // a whole name only (a menu's text node): the rest of the text around it kept as it is
  const saidWhole = (english) => {
    const names = (window.__pulihWords || { names: {} }).names;
    const name = english.trim();
    return Object.hasOwn(names, name) ? english.replace(name, names[name]) : english;
  };

  // One piece of text renamed (an attribute, an element's text, a text node), its English kept
  // in `kept`: what we wrote last stands for the English kept; anything else is the library's
  // own, anew. Returns the words wanted, or null when they are already there.
  const renamed = (kept, now, translate) => {
    const english = kept.wrote === now ? kept.english : now;
    const wanted = translate(english);
    Object.assign(kept, { english, wrote: wanted });
    return wanted !== now ? wanted : null;
  };

  const rename = (el, attribute) => {
    const now = el.getAttribute(attribute);
    if (now === null) return;
    const kept = ((el.__pulihNames ||= {})[attribute] ||= {});
    const wanted = renamed(kept, now, said);
    if (wanted !== null) el.setAttribute(attribute, wanted);
  };

  const retext = (el) => {
    const wanted = renamed((el.__pulihText ||= {}), el.textContent, said);
    if (wanted !== null) el.textContent = wanted;
  };

  const renode = (node) => {
    const wanted = renamed((node.__pulihText ||= {}), node.nodeValue, saidWhole);
    if (wanted !== null) node.nodeValue = wanted;
  };

  const retextMenu = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.nodeValue.trim() && !node.parentElement?.closest(ICON_TEXT)) renode(node);
    }
  };

  const quietIcon = (el) => {
    const label = el.getAttribute("aria-label") || "";
    if (!label.endsWith(" icon") || el.getAttribute("aria-hidden") === "true") return;
    const beside = (el.parentElement?.textContent || "").replace(el.textContent, "").trim();
    if (beside) el.setAttribute("aria-hidden", "true");
  };

  const selector = ATTRIBUTES.map((a) => `[${a}]`).join(",");
  const visit = (root) => {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const elements = [root, ...root.querySelectorAll(selector)];
    for (const el of elements) {
      for (const attribute of ATTRIBUTES) if (el.hasAttribute(attribute)) rename(el, attribute);
    }
    for (const el of [root, ...root.querySelectorAll(TEXTS)]) {
      if (el.matches(TEXTS) && !el.children.length) retext(el);
    }
    for (const el of [root, ...root.querySelectorAll(ICONS)]) if (el.matches(ICONS)) quietIcon(el);
    // a menu drawn now, or a part of one drawn later (the statistics once they are counted)
    if (root.closest(MENUS)) retextMenu(root);
    else root.querySelectorAll(MENUS).forEach(retextMenu);
  };

  visit(document.body);
  if (window.__pulihRenamer) return; // installed once; a new table is read by `said`
  window.__pulihRenamer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") rename(r.target, r.attributeName);
      else if (r.type === "characterData") {
        const el = r.target.parentElement;
        if (el && el.matches(TEXTS)) retext(el);
        else if (el && el.closest(MENUS) && !el.closest(ICON_TEXT)) renode(r.target);
      } else {
        for (const node of r.addedNodes) {
          if (node.nodeType === Node.TEXT_NODE) {
            const el = node.parentElement;
            if (el && el.closest(MENUS) && !el.closest(ICON_TEXT)) renode(node);
          } else visit(node);
        }
      }
    }
  });
  window.__pulihRenamer.observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
})();
