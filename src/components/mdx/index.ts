import Callout from './Callout.astro';
import CrmText from './CrmText.astro';
import ErrorMessage from './ErrorMessage.astro';
import GuideSummary from './GuideSummary.astro';
import ProviderFacts from './ProviderFacts.astro';
import ProviderSettings from './ProviderSettings.astro';
import Steps from './Steps.astro';
import UiPath from './UiPath.astro';

/** Components available in every article without an import. */
export const mdxComponents = {
	Callout,
	CrmText,
	ErrorMessage,
	GuideSummary,
	ProviderFacts,
	ProviderSettings,
	Steps,
	UiPath,
};
