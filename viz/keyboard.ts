/**
 * Keys for the whole page: space plays or pauses, the right arrow steps, the left goes back a round. Not
 * while typing in a field, and space is left to a focused button or link, which answers it itself.
 * A widget that handled a key first (the focused policy space moves between stakeholders with the
 * arrows) prevents its default, and the page leaves that key alone.
 */
export function listenToKeys(actions: { togglePlay(): void; step(): void; back(): void }): void {
  addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented) return;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, select, textarea, [contenteditable]')) return;
    if (event.key === ' ') {
      if (target.closest('button, a')) return;
      event.preventDefault();
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
