import { ROUND_RULES_V1 } from './handlungsbedarfe.rounds.v1';
import { HANDLUNGSBEDARFE_V2 } from './handlungsbedarfe.v2';
import { RuleSet } from './rule';

/**
 * The Handlungsbedarfe, version 3 (issue 22): version 2 unchanged, plus the survey rounds' rules
 * (handlungsbedarfe.rounds.v1.ts): records not confirmed in the last closed round, Länder that
 * did not complete it, records long neither changed nor confirmed.
 */
export const HANDLUNGSBEDARFE_V3: RuleSet = {
  version: 3,
  rules: [...HANDLUNGSBEDARFE_V2.rules, ...ROUND_RULES_V1],
};
