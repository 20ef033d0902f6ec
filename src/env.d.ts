declare namespace App {
	interface Locals {
		/** Language of the page being rendered, from its URL. */
		lang: import('./i18n/locales.ts').Locale;
		/** UI string lookup bound to `lang`. */
		t: import('./i18n/translations.ts').T;
	}
}
