import { z } from 'astro/zod';

/** Connection security of a mail server port. */
export const securitySchema = z.enum(['ssl', 'starttls']);

/** One mail server: a host name and the ports it accepts, the preferred port first. */
export const serverSchema = z.object({
	/** Host name, written once here and rendered everywhere else. */
	host: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a lower-case host name'),
	/** Accepted ports, preferred first. */
	ports: z
		.array(z.object({ port: z.number().int().min(1).max(65535), security: securitySchema }))
		.min(1),
});

/** Which user name a mail server expects. */
export const usernameRuleSchema = z.enum(['local-part', 'full-address']);

/** A lower-case DNS name: a host, an e-mail domain or the suffix of an MX host. */
const dnsName = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a lower-case domain');

/** Text in every site language. */
export const localizedText = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/**
 * How a mail program (SpinOffice CRM) signs in to a provider:
 * - `app-password`: a password the provider generates for one app;
 * - `mailbox-password`: the mailbox's own password (most ISPs and web hosts);
 * - `oauth-only`: only a sign-in at the provider's own page (OAuth2); no password works;
 * - `not-possible`: a server-side program cannot read the mailbox at all.
 */
export const authModelSchema = z.enum([
	'app-password',
	'mailbox-password',
	'oauth-only',
	'not-possible',
]);

/** A mail provider, or a web host whose mailboxes readers connect: its servers and its facts. */
export const providerSchema = z
	.object({
		/** Stable id, referenced from article frontmatter `providers`. */
		id: z.string().regex(/^[a-z0-9-]+$/),
		/** Brand name as readers know it. */
		name: z.string().min(1),
		/**
		 * What sets this record apart from another of the same brand (`zoho.eu-adressen`), shown
		 * after the name; absent when the brand has one record.
		 */
		variant: localizedText.optional(),
		/** Former brand names and other names readers use (XS4ALL, Hotmail, G Suite); searchable. */
		aliases: z.array(z.string().trim().min(1)).default([]),
		/** E-mail domains served by this provider, lower case, without `@`; none for own domains. */
		domains: z.array(dnsName).default([]),
		/**
		 * Suffixes of the MX hosts of domains whose mail this provider hosts (`mail.protection.outlook.com`
		 * matches `contoso-com.mail.protection.outlook.com`): how the finder recognises an own domain.
		 */
		mx: z.array(dnsName).default([]),
		/** How a mail program signs in. */
		auth: authModelSchema,
		/** Incoming mail server; null when it is not published (or not verified) for this record. */
		imap: serverSchema.nullable(),
		/** Outgoing mail server; null when it is not published (or not verified) for this record. */
		smtp: serverSchema.nullable(),
		/** User name rule per server; null when no server is listed. */
		username: z.object({ imap: usernameRuleSchema, smtp: usernameRuleSchema }).nullable(),
		/** Page where the reader manages app passwords, or null when there is none. */
		accountSecurityUrl: z.url().nullable(),
		/** Facts the articles cite; null when app passwords do not work for mail apps. */
		appPasswords: z
			.object({
				/** Maximum number of active app passwords, null when the provider documents none. */
				maxActive: z.number().int().positive().nullable(),
				/** Whether changing the main password revokes every app password; null: not documented. */
				revokedOnPasswordChange: z.boolean().nullable(),
			})
			.nullable(),
		/** Date these facts were last checked against their sources (`YYYY-MM-DD`). */
		verified: z.iso.date({ error: 'must be a date written as YYYY-MM-DD' }),
		/** Where the facts come from: the provider's own pages first. `content:check` fails without. */
		sources: z.array(z.url()).default([]),
	})
	.superRefine((p, ctx) => {
		if ((p.imap || p.smtp) && !p.username) {
			ctx.addIssue({
				code: 'custom',
				path: ['username'],
				message: 'is required when imap or smtp is given',
			});
		}
	});

/** A mail provider record, as validated. */
export type Provider = z.infer<typeof providerSchema>;

/** A category of articles. */
export const categorySchema = z.object({
	/** Stable id, used in URLs and in article frontmatter `category`. */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** Position on the home page. */
	order: z.number().int(),
	/** Title per language. */
	title: localizedText,
	/** One-sentence description per language. */
	description: localizedText,
});

/** A category record, as validated. */
export type Category = z.infer<typeof categorySchema>;

/**
 * Article frontmatter. Category and provider ids are checked against the data files, so a typo
 * fails the build with the file and the field named.
 */
export function articleSchema(categoryIds: readonly string[], providerIds: readonly string[]) {
	return z.object({
		/** Page title (h1) and search result title. */
		title: z.string().trim().min(1).max(120),
		/** One or two sentences for lists, search results and `<meta name="description">`. */
		description: z.string().trim().min(1).max(200),
		/** Id of a category in `content/categories.json`. */
		category: z.enum(categoryIds as [string, ...string[]]),
		/** Ids of providers in `content/providers.json` that the article is about. */
		providers: z.array(z.enum(providerIds as [string, ...string[]])).default([]),
		/** Date of the last meaningful change, shown as "Gewijzigd op …". */
		updated: z.coerce.date({ error: 'must be a date written as YYYY-MM-DD' }),
		/** Position within the category, lowest first. */
		order: z.number().int().nonnegative(),
		/** Search synonyms that the text may not contain (2FA, Hotmail, …); weighted in search. */
		keywords: z.array(z.string().trim().min(1)).default([]),
		/** Drafts are built in dev but left out of the production site. */
		draft: z.boolean().default(false),
	});
}
