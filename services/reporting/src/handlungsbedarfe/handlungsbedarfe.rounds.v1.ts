import { findLand } from '@dpi/domain';
import type { FindingEntry, FindingFacts, LocalizedText } from './explain';
import { HandlungsbedarfRule } from './rule';
import type { RuleTexts } from './rule-texts';

/**
 * The Handlungsbedarfe of the survey rounds (Erhebungsrunden, issue 22), version 1: over the
 * rounds' read models (survey_round_item, round_record_item; rounds/round-events.ts).
 * - a record not confirmed in the last closed round (one finding per record, per kind),
 * - a Land that did not declare "nothing more to add" in the last closed round,
 * - a record unchanged and unconfirmed for more than ROUND_UNCONFIRMED_AFTER_DAYS days (per kind).
 * Organisations take part in rounds but have no finding kind (rule.ts RECORD_KINDS): no
 * findings for them. Each finding names its round in the evidence. The per-record rules leave
 * NON_PUBLIC datasets out: a finding's subject and evidence (the record's id and title) reach every
 * reader, and only platforms' findings are hidden by subject (findings.repository.ts); a Land's
 * NON_PUBLIC datasets left open are among the record ids of round-land-not-complete, which are
 * filtered per reader.
 */

/**
 * Days after which an unchanged, unconfirmed record is a finding. Set per deployment with the
 * environment variable ROUND_UNCONFIRMED_AFTER_DAYS (1–3650, default 365); read once at start,
 * and an invalid value stops the service (fail fast). The value is part of each finding's
 * evidence, so a changed setting shows.
 */
export function unconfirmedAfterDays(value: string | undefined): number {
  if (value === undefined || value === '') return 365;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(
      `ROUND_UNCONFIRMED_AFTER_DAYS must be a whole number of days 1–3650, not ${value}`,
    );
  return days;
}
export const UNCONFIRMED_AFTER_DAYS = unconfirmedAfterDays(
  process.env.ROUND_UNCONFIRMED_AFTER_DAYS,
);

/** The finding kinds of round records: read model, its title column, registry kind, words. */
const KINDS = [
  {
    kind: 'platform',
    table: 'platform_item',
    title: 'name',
    registry: 'platform',
    de: 'Plattform',
    en: 'platform',
    harvested: false,
  },
  {
    kind: 'twin',
    table: 'twin_item',
    title: 'name',
    registry: 'digital-twin',
    de: 'Digitaler Zwilling',
    en: 'digital twin',
    harvested: false,
  },
  {
    kind: 'dataset',
    table: 'dataset_item',
    title: 'title',
    registry: 'dataset',
    de: 'Datensatz',
    en: 'dataset',
    harvested: true,
  },
  {
    kind: 'endpoint',
    table: 'endpoint_item',
    title: 'name',
    registry: 'endpoint',
    de: 'Schnittstelle',
    en: 'endpoint',
    harvested: false,
  },
] as const;
type Kind = (typeof KINDS)[number];

const LAST_CLOSED = `SELECT id, title FROM survey_round_item WHERE NOT deleted AND state = 'closed'
  ORDER BY closed_at DESC NULLS LAST, id DESC LIMIT 1`;

/** Datasets: public ones only (see above); NON_PUBLIC platforms' findings are hidden by subject. */
const publicOnly = (k: Kind) =>
  k.kind === 'dataset' ? " AND x.access_rights IS DISTINCT FROM 'NON_PUBLIC'" : '';

const notConfirmed = (k: Kind): HandlungsbedarfRule => ({
  id: `round-${k.kind}-not-confirmed`,
  version: 1,
  title: `${k.de} in der letzten Erhebungsrunde nicht bestätigt`,
  severity: 'medium',
  rationale: `Der Eintrag war Teil der zuletzt abgeschlossenen Erhebungsrunde, wurde vom Land aber weder bestätigt noch aktualisiert noch zurückgezogen. Ob er noch stimmt, ist offen; der Zwischenbericht kann sich auf ihn nicht stützen.`,
  recordKind: k.kind,
  sql: `SELECT i.land_code, i.record_id::text AS subject, ARRAY[i.record_id] AS record_ids,
      jsonb_build_object('roundId', r.id, 'round', r.title, 'record', x.${k.title}) AS evidence
    FROM (${LAST_CLOSED}) r
    JOIN round_record_item i ON i.round_id = r.id AND NOT i.deleted AND i.status = 'open'
      AND i.kind = '${k.registry}'
    JOIN ${k.table} x ON x.id = i.record_id AND NOT x.deleted${publicOnly(k)}`,
});

const unconfirmed = (k: Kind): HandlungsbedarfRule => ({
  id: `round-${k.kind}-unconfirmed`,
  version: 1,
  title: `${k.de} lange weder geändert noch bestätigt`,
  severity: 'low',
  rationale: `Der Eintrag wurde seit mehr als ${UNCONFIRMED_AFTER_DAYS} Tagen weder geändert noch in einer Erhebungsrunde bestätigt. Ein Inventar ist nur so gut wie seine letzte Bestätigung.`,
  recordKind: k.kind,
  sql: `SELECT x.land_code, x.id::text AS subject, ARRAY[x.id] AS record_ids,
      jsonb_build_object('record', x.${k.title}, 'days', ${UNCONFIRMED_AFTER_DAYS},
        'lastConfirmedRound', c.round_id) AS evidence
    FROM ${k.table} x
    LEFT JOIN LATERAL (SELECT i.round_id, i.acted_at FROM round_record_item i
      WHERE i.record_id = x.id AND NOT i.deleted AND i.status IN ('confirmed', 'updated')
      ORDER BY i.acted_at DESC LIMIT 1) c ON true
    WHERE NOT x.deleted AND x.land_code IS NOT NULL${publicOnly(k)}${k.harvested ? " AND x.source IS DISTINCT FROM 'harvested'" : ''}
      AND x.updated_at < now() - interval '${UNCONFIRMED_AFTER_DAYS} days'
      AND (c.acted_at IS NULL OR c.acted_at < now() - interval '${UNCONFIRMED_AFTER_DAYS} days')`,
});

const LAND_NOT_COMPLETE: HandlungsbedarfRule = {
  id: 'round-land-not-complete',
  version: 1,
  title: 'Land hat die letzte Erhebungsrunde nicht abgeschlossen',
  severity: 'medium',
  rationale:
    'Das Land hat in der zuletzt abgeschlossenen Erhebungsrunde nicht erklärt, dass es nichts mehr zu ergänzen hat. Ob sein Inventar vollständig ist, bleibt offen. Verlinkt sind seine in der Runde offen gebliebenen Einträge.',
  recordKind: 'land',
  sql: `SELECT l->>'landCode' AS land_code, l->>'landCode' AS subject,
      coalesce((SELECT array_agg(i.record_id ORDER BY i.record_id) FROM round_record_item i
        WHERE i.round_id = r.id AND NOT i.deleted AND i.status = 'open'
          AND i.land_code = l->>'landCode'), '{}')::uuid[] AS record_ids,
      jsonb_build_object('roundId', r.id, 'round', r.title, 'land', l->>'landCode') AS evidence
    FROM (SELECT id, title, laender FROM survey_round_item WHERE NOT deleted AND state = 'closed'
      ORDER BY closed_at DESC NULLS LAST, id DESC LIMIT 1) r, jsonb_array_elements(r.laender) l
    WHERE l->>'completedAt' IS NULL`,
};

export const ROUND_RULES_V1: readonly HandlungsbedarfRule[] = [
  ...KINDS.map(notConfirmed),
  LAND_NOT_COMPLETE,
  ...KINDS.map(unconfirmed),
];

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const landOf = (code: string | null): LocalizedText => {
  const land = code ? findLand(code) : undefined;
  return land ? { de: land.name, en: land.name } : { de: 'dem Bund', en: 'the federal level' };
};
const recordEntry = (f: FindingFacts, k: Kind): FindingEntry => ({
  id: f.recordIds[0] ?? f.subject,
  kind: k.kind,
  title: text(f.evidence['record']),
});

type Explainer = (f: FindingFacts) => { entry: FindingEntry; sentence: LocalizedText };

/** The findings in words (explain.ts): one sentence each in German and English. */
export const ROUND_EXPLAINERS: Record<string, Explainer> = {
  ...Object.fromEntries(
    KINDS.map((k) => [
      `round-${k.kind}-not-confirmed`,
      (f: FindingFacts) => ({
        entry: recordEntry(f, k),
        sentence: {
          de: `${k.de} „${text(f.evidence['record'])}“ wurde in der Erhebungsrunde „${text(f.evidence['round'])}“ weder bestätigt noch aktualisiert noch zurückgezogen.`,
          en: `The ${k.en} "${text(f.evidence['record'])}" was neither confirmed, updated nor withdrawn in the survey round "${text(f.evidence['round'])}".`,
        },
      }),
    ]),
  ),
  ...Object.fromEntries(
    KINDS.map((k) => [
      `round-${k.kind}-unconfirmed`,
      (f: FindingFacts) => {
        const days = Number(f.evidence['days']);
        return {
          entry: recordEntry(f, k),
          sentence: {
            de: `${k.de} „${text(f.evidence['record'])}“ wurde seit mehr als ${days} Tagen weder geändert noch bestätigt.`,
            en: `The ${k.en} "${text(f.evidence['record'])}" has been neither changed nor confirmed for more than ${days} days.`,
          },
        };
      },
    ]),
  ),
  'round-land-not-complete': (f) => {
    const land = landOf(f.landCode);
    const open = f.recordIds.length;
    return {
      entry: { id: f.landCode ?? 'federal', kind: 'land', title: land.de },
      sentence: {
        de: `${land.de} hat in der Erhebungsrunde „${text(f.evidence['round'])}“ nicht erklärt, dass nichts mehr zu ergänzen ist; ${open} ${open === 1 ? 'Eintrag blieb' : 'Einträge blieben'} offen.`,
        en: `${land.en} did not declare in the survey round "${text(f.evidence['round'])}" that it had nothing more to add; ${open} ${open === 1 ? 'entry stayed' : 'entries stayed'} open.`,
      },
    };
  },
};

/** What each rule checks, why and how to resolve it (rule-texts.ts, the Methode page). */
export const ROUND_RULE_TEXTS: Record<string, RuleTexts> = {
  ...Object.fromEntries(
    KINDS.map((k) => [
      `round-${k.kind}-not-confirmed`,
      {
        whyEn:
          'The entry was part of the last closed survey round but the Land neither confirmed, updated nor withdrew it: whether it is still right is open, and the interim report cannot rely on it.',
        title: {
          de: `${k.de} in der letzten Erhebungsrunde nicht bestätigt`,
          en: `${k.en[0].toUpperCase()}${k.en.slice(1)} not confirmed in the last survey round`,
        },
        checks: {
          de: 'Ob jeder Eintrag der zuletzt abgeschlossenen Erhebungsrunde vom Land bestätigt, aktualisiert oder zurückgezogen wurde.',
          en: 'Whether every entry of the last closed survey round was confirmed, updated or withdrawn by its Land.',
        },
        fix: {
          de: 'Den Eintrag prüfen und bestätigen, aktualisieren oder mit Begründung zurückziehen (in der nächsten Runde oder über die Erfassung).',
          en: 'Check the entry and confirm, update or withdraw it with a reason (in the next round or through the entry form).',
        },
      },
    ]),
  ),
  ...Object.fromEntries(
    KINDS.map((k) => [
      `round-${k.kind}-unconfirmed`,
      {
        whyEn: `The entry has been neither changed nor confirmed in a survey round for more than ${UNCONFIRMED_AFTER_DAYS} days; an inventory is only as good as its last confirmation.`,
        title: {
          de: `${k.de} lange weder geändert noch bestätigt`,
          en: `${k.en[0].toUpperCase()}${k.en.slice(1)} long neither changed nor confirmed`,
        },
        checks: {
          de: `Ob der Eintrag in den letzten ${UNCONFIRMED_AFTER_DAYS} Tagen geändert oder in einer Erhebungsrunde bestätigt wurde.`,
          en: `Whether the entry was changed or confirmed in a survey round within the last ${UNCONFIRMED_AFTER_DAYS} days.`,
        },
        fix: {
          de: 'Den Eintrag in der nächsten Erhebungsrunde bestätigen oder aktualisieren.',
          en: 'Confirm or update the entry in the next survey round.',
        },
      },
    ]),
  ),
  'round-land-not-complete': {
    whyEn:
      'The Land did not declare in the last closed survey round that it had nothing more to add, so whether its inventory is complete stays open.',
    title: {
      de: 'Land hat die letzte Erhebungsrunde nicht abgeschlossen',
      en: 'Land did not complete the last survey round',
    },
    checks: {
      de: 'Ob jedes Land der zuletzt abgeschlossenen Erhebungsrunde erklärt hat, dass es nichts mehr zu ergänzen hat.',
      en: 'Whether every Land of the last closed survey round declared that it had nothing more to add.',
    },
    fix: {
      de: 'In der nächsten Runde die offenen Einträge bearbeiten und „nichts mehr zu ergänzen“ erklären.',
      en: 'In the next round, work through the open entries and declare "nothing more to add".',
    },
  },
};

/** Evidence as the rules' SQL writes it, one example per rule (for the specs). */
export const ROUND_RULE_EXAMPLES: Record<string, Record<string, unknown>> = Object.fromEntries(
  ROUND_RULES_V1.map((rule) => [
    rule.id,
    {
      roundId: 'b3c1f1de-0000-4000-8000-0000000000aa',
      round: 'Erhebungsrunde Frühjahr 2027',
      record: 'Geoportal Hamburg',
      days: UNCONFIRMED_AFTER_DAYS,
      land: 'DE-HH',
    },
  ]),
);
