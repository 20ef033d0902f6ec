import { feedbackFormFile } from '../../components/feedback/form-config.ts';
import { perLanguageJsonRoute } from '../../components/versioned-json.ts';

/** `/<lang>/feedback-form.json`: the labels of the feedback widget's "No" form. */
export const { getStaticPaths, GET } = perLanguageJsonRoute(feedbackFormFile);
