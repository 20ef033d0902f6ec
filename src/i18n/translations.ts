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

/** Returns the translation function for a language. */
export function useTranslations(lang: Locale): T {
	return instance.getFixedT(lang);
}

/** Raw strings of a language, for parity checks and for passing a subset to islands. */
export function uiStrings(lang: Locale): UiStrings {
	return resources[lang].translation;
}
