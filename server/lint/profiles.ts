// Profiles as data (RULES.md "Profiles"): the rules in force for each regulation, their severities and citations.
import type { Profile } from '../domain/vocabulary';
import type { Severity } from './findings';

export interface RuleSetting {
  severity: Severity;
  /** Articles that ground the rule under this profile, as users cite them. */
  citations: string[];
}

/** The national core and its citations; the regional profiles differ from it only where their text does. */
const NASIONAL: Record<string, RuleSetting> = {
  'mk/decision-binary': {
    severity: 'warning',
    citations: ['PermenPANRB 35/2012 Lampiran, simbol keputusan SOP AP'],
  },
};

/** Per profile, the settings that differ from `nasional` (none yet for the rules implemented so far). */
const REGIONAL: Record<Exclude<Profile, 'nasional'>, Record<string, RuleSetting>> = {
  jembrana: {},
  klungkung: {},
  badung: {},
  'gunung-mas': {},
  denpasar: {},
};

export function ruleSettings(profile: Profile): Record<string, RuleSetting> {
  return profile === 'nasional' ? NASIONAL : { ...NASIONAL, ...REGIONAL[profile] };
}
