import { searchConfigFile } from '../../components/search/search-config.ts';
import { perLanguageJsonRoute } from '../../components/versioned-json.ts';

/** `/<lang>/search-config.json`: what the search boxes of a language fetch when search starts. */
export const { getStaticPaths, GET } = perLanguageJsonRoute(searchConfigFile);
