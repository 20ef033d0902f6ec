import type { Page } from '@playwright/test';

/** An sRGB colour with alpha, channels 0–255, alpha 0–1. */
export type Rgba = [number, number, number, number];

/** Colour arithmetic the accessibility tests run inside the page (see `installColourTools`). */
export interface ColourTools {
	/** Parses a computed `rgb()`/`rgba()` colour. */
	parse(value: string): Rgba | undefined;
	/** WCAG 2 contrast ratio of two opaque colours. */
	contrast(a: number[], b: number[]): number;
	/** `top` painted over the opaque `bottom`. */
	over(top: Rgba, bottom: number[]): number[];
	/**
	 * The opaque colours painted behind `start`: its own or its ancestors' backgrounds composited,
	 * or each stop of the first gradient met (the text may sit on any part of it).
	 */
	backdrops(start: Element | null): number[][];
}

/**
 * Defines `window.hcColour` (ColourTools) in the page. A function handed to `page.evaluate` runs
 * without its module, so the tools are installed once and shared through the window.
 */
export async function installColourTools(page: Page): Promise<void> {
	await page.evaluate(() => {
		const parse = (value: string): Rgba | undefined => {
			const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/.exec(value);
			if (!m) return undefined;
			const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
			return [+m[1]!, +m[2]!, +m[3]!, a];
		};
		const luminance = ([r, g, b]: number[]) => {
			const channel = (c: number) => {
				const s = c / 255;
				return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
		};
		const contrast = (a: number[], b: number[]) => {
			const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
			return (x! + 0.05) / (y! + 0.05);
		};
		const over = ([r, g, b, a]: Rgba, bottom: number[]) =>
			[r, g, b].map((c, i) => c * a + bottom[i]! * (1 - a));
		const backdrops = (start: Element | null): number[][] => {
			const layers: Rgba[] = [];
			for (let el = start; el; el = el.parentElement) {
				const style = getComputedStyle(el);
				if (style.backgroundImage.includes('gradient')) {
					const stops = (style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? []).map((stop) =>
						parse(stop)!,
					);
					return stops.map((stop) =>
						layers.reduceRight((acc, layer) => over(layer, acc), over(stop, [255, 255, 255])),
					);
				}
				const colour = parse(style.backgroundColor);
				if (colour && colour[3] > 0) {
					layers.push(colour);
					if (colour[3] === 1) break;
				}
			}
			return [layers.reduceRight<number[]>((acc, layer) => over(layer, acc), [255, 255, 255])];
		};
		(window as unknown as { hcColour: ColourTools }).hcColour = {
			parse,
			contrast,
			over,
			backdrops,
		};
	});
}
