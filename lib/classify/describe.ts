/**
 * Human-readable text for a person's rule match, as shown in labels and the rule list.
 */
import type { RuleMatch } from './types';

export function describeMatch(match: RuleMatch): string {
  switch (match.type) {
    case 'host':
      return match.host;
    case 'wildcard':
      return match.pattern;
    case 'path':
      return match.host + match.pathPrefix;
    case 'regex':
      return `regex ${match.pattern}`;
  }
}
