import { QUALITY_POINTS } from './quality-method.v1';

/**
 * The metadata quality score, in the spirit of the EU data portal's Metadata Quality Assessment
 * (MQA, data.europa.eu): points per dataset in five dimensions, summed per Land. What the MQA
 * measures by probing URLs or SHACL validation is replaced by what the read model knows (see
 * services/reporting/README.md, "Metadata quality"). The method's data is a versioned file
 * (quality-method.v1.ts) that the migrations pin; changing the method means a new file, a new
 * migration recreating the view `dataset_quality` from it, and a new QUALITY_METHOD_VERSION.
 */
export const QUALITY_METHOD_VERSION = 1;

/** The method in force (version 1; the view `dataset_quality` is built from the same file). */
export {
  KNOWN_FORMATS,
  MACHINE_READABLE_FORMATS,
  NON_PROPRIETARY_FORMATS,
  QUALITY_POINTS,
} from './quality-method.v1';

export const QUALITY_DIMENSIONS = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export const dimensionMax = (dimension: QualityDimension): number =>
  Object.values(QUALITY_POINTS[dimension]).reduce((sum: number, p: number) => sum + p, 0);

export const QUALITY_MAX = QUALITY_DIMENSIONS.reduce((sum, d) => sum + dimensionMax(d), 0);

/** MQA ratings, scaled from its 405-point bands (351 / 221 / 121) to a percentage. */
export type QualityRating = 'excellent' | 'good' | 'sufficient' | 'bad';

export function qualityRating(percent: number): QualityRating {
  if (percent >= (351 / 405) * 100) return 'excellent';
  if (percent >= (221 / 405) * 100) return 'good';
  if (percent >= (121 / 405) * 100) return 'sufficient';
  return 'bad';
}
