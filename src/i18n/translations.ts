import i18next, { type TFunction } from 'i18next';
import en from './ui/en.json';
import nl from './ui/nl.json';
import { defaultLocale, locales, type Locale } from './locales.ts';

/** The UI strings of one language, keyed by dotted camelCase ids. */
export type UiStrings = typeof nl;

const resources = { nl: { translation: nl }, en: { translation: en } } satisfies Record<
	Locale,
	{ translation: UiStrings }
>;

/**
 * One isolated i18next instance for the whole site (never the global singleton, so nothing else
 * can change its state). Initialised synchronously: the resources are bundled.
 */
const instance = i18next.createInstance();
void instance.init({
	resources,
	lng: defaultLocale,
	fallbackLng: false,
	supportedLngs: [...locales],
	initAsync: false,
	returnNull: false,
	interpolation: { escapeValue: false },
});

/** Translation function bound to one language. */
export type T = TFunction<'translation', undefined>;

/**
 * A translation function that remembers the strings it was asked for without options: the
 * resources never change while the module lives, and every prerendered page asks for the same
 * hundred-odd strings (i18next's lookup was 3 of the build's ~75 CPU seconds at 1,000 articles
 * per language). Calls with options (interpolation, plurals) go to i18next each time.
 */
function remembering(t: T): T {
	const plain = new Map<string, string>();
	const call = t as unknown as (...args: unknown[]) => unknown;
	const remembered = (...args: unknown[]) => {
		const [key] = args;
		if (args.length !== 1 || typeof key !== 'string') return call(...args);
		let text = plain.get(key);
		if (text === undefined) {
			text = call(key) as string;
			plain.set(key, text);
		}
		return text;
	};
	return Object.assign(remembered, t) as unknown as T;
}

const perLanguage = new Map<Locale, T>();

/** Returns the translation function for a language (one per language, shared). */
export function useTranslations(lang: Locale): T {
	let t = perLanguage.get(lang);
	if (!t) {
		t = remembering(instance.getFixedT(lang));
		perLanguage.set(lang, t);
	}
	return t;
}

/** Raw strings of a language, for parity checks and for passing a subset to islands. */
export function uiStrings(lang: Locale): UiStrings {
	return resources[lang].translation;
}
