/**
 * Keys for the whole page: space plays or pauses, the right arrow steps, the left goes back a round. Not
 * while typing in a field. Space is left to a button or link the keyboard reached (with Tab),
 * which answers it itself; a button that has the focus only because it was clicked does not take
 * it, so Space after clicking Step plays instead of stepping again.
 * A widget that handled a key first (the focused policy space moves between stakeholders with the
 * arrows) prevents its default, and the page leaves that key alone.
 */
export function listenToKeys(actions: { togglePlay(): void; step(): void; back(): void }): void {
  // The control the pointer last pressed, while it keeps the focus it got that way.
  let clicked: Element | null = null;
  addEventListener('pointerdown', (event) => (clicked = (event.target as Element).closest?.('button, a') ?? null), true);
  addEventListener('focusin', (event) => {
    if (event.target !== clicked) clicked = null;
  });
  addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, select, textarea, [contenteditable]')) return;
    if (event.key === ' ') {
      const control = target.closest('button, a');
      if (control && control !== clicked) return;
      event.preventDefault();
      // A button answers Space when the key comes up: off the clicked button, the key is not a click as well.
      if (control) (control as HTMLElement).blur();
      actions.togglePlay();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      actions.step();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      actions.back();
    }
  });
}
