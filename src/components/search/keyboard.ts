/** The links and buttons a reader can move through with the arrow keys, in reading order. */
export function focusables(container: HTMLElement): HTMLElement[] {
	return [...container.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')].filter(
		(node) => !node.closest('[hidden]'),
	);
}

/**
 * Index to move to for an arrow key. `current` is -1 when the search box has focus; the result
 * -1 means "back to the search box". Home/End jump to the ends; other keys return undefined.
 */
export function nextIndex(key: string, current: number, count: number): number | undefined {
	if (count === 0) return undefined;
	switch (key) {
		case 'ArrowDown':
			return Math.min(current + 1, count - 1);
		case 'ArrowUp':
			return current <= 0 ? -1 : current - 1;
		case 'Home':
			return current === -1 ? undefined : 0;
		case 'End':
			return current === -1 ? undefined : count - 1;
		default:
			return undefined;
	}
}

/** Whether a key press would type a character (so focus should go back to the search box). */
export function isTypingKey(event: KeyboardEvent): boolean {
	return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}
