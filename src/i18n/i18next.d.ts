import type nl from './ui/nl.json';

/** Types i18next's keys from the Dutch strings, so a typo in a key fails `astro check`. */
declare module 'i18next' {
	interface CustomTypeOptions {
		defaultNS: 'translation';
		resources: { translation: typeof nl };
		returnNull: false;
	}
}
