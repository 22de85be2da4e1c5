/**
 * The classifier (issue #3): what a host + path shape counts as, by the built-in catalog and the
 * person's rules. Pure: no browser, no storage. See docs/classification.md.
 */
export type {
  Classification,
  Classifier,
  Explanation,
  ExplainMatch,
  RuleMatch,
  UrlClassification,
  UserRule,
} from './types';
export {
  KINDS,
  CLASS_META,
  CLASS_IDS,
  KIND_IDS,
  DEFAULT_KIND,
  isClassName,
  isKindId,
  kindBelongsTo,
  kindsOfClass,
} from './kinds';
export type { KindMeta, ClassMeta } from './kinds';
export { CATALOG, CATALOG_CATEGORIES } from './catalog';
export type { CatalogTool, CatalogArea } from './catalog';
export { createClassifier } from './classifier';
export type { ClassifierOptions, RuleClassifier, SkippedRule } from './classifier';
export { classifyUrl } from './classify-url';
export { validateRule, formatRuleErrors, checkHostPattern, checkPathPrefix, RULE_MESSAGES } from './validate-rule';
export type { RuleErrors, RuleField, RuleValidation, ValidateRuleOptions } from './validate-rule';
export {
  exportRules,
  parseRulesImport,
  RULES_FORMAT,
  RULES_FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_RULES,
} from './rules-io';
export type { ImportError, RulesImport } from './rules-io';
export { loadRegexEngine, loadedRegexEngine, hasRegexRule } from './regex-engine';
export type { RegexEngine, RuleRegex } from './regex-engine';
export { isMeetingHost } from './meeting-hosts';
export { describeMatch } from './describe';
