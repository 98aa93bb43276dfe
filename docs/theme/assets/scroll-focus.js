// A wide table scrolls sideways inside its wrapper; a scrolling region must take keyboard focus (WCAG 2.1.1,
// axe-core's scrollable-region-focusable), so an overflowing wrapper joins the tab order. Material provides
// document$, which emits on every page load.
function focusScrollingTables() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.setAttribute("tabindex", "0");
    else wrap.removeAttribute("tabindex");
  }
}
document$.subscribe(focusScrollingTables);
window.addEventListener("resize", focusScrollingTables);
