declare namespace App {
	interface Locals {
		/** Language of the page being rendered, from its URL. */
		lang: import('./i18n/locales.ts').Locale;
		/** UI string lookup bound to `lang`. */
		t: import('./i18n/translations.ts').T;
	}
}

declare module 'virtual:hc/site-index' {
	/** The site index of this build: src/integrations/site-index.ts. */
	const index: import('./lib/site-index.ts').SiteIndex;
	export default index;
}

declare module 'virtual:hc/feedback-articles' {
	/** What the feedback API checks votes against: src/integrations/site-index.ts. */
	const published: import('./lib/feedback/articles.ts').PublishedArticles;
	export default published;
}
