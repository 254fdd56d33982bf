import type { StandardFact } from '@dpi/domain';
import { STANDARDS_V1 } from './standards.v1';

/**
 * The standards reference list after migration 1763900000011 (issue 21: one vocabulary for
 * standards and 3D formats): v1 plus the two 3D standards the twins' formats follow and v1 lacked.
 * Pinned here like v1; the next change of @dpi/domain STANDARDS is a v3 and a migration.
 */
export const STANDARDS_V2_ADDED: readonly StandardFact[] = [
  {
    code: 'i3s',
    title: 'OGC Indexed 3D Scene Layer (I3S)',
    body: 'OGC',
    version: '1.3',
    category: '3d',
    url: 'https://www.ogc.org/standard/i3s/',
  },
  {
    code: 'gltf',
    title: 'glTF (GL Transmission Format)',
    body: 'Khronos Group',
    version: '2.0',
    category: '3d',
    url: 'https://www.khronos.org/gltf/',
  },
];

const beforeInspire = STANDARDS_V1.findIndex((s) => s.code === 'inspire');
export const STANDARDS_V2: readonly StandardFact[] = [
  ...STANDARDS_V1.slice(0, beforeInspire),
  ...STANDARDS_V2_ADDED,
  ...STANDARDS_V1.slice(beforeInspire),
];
