import type { IsoConstraints } from '@dpi/csw';
import type { AccessRight } from '@dpi/domain';

const LIMITATIONS = 'metadata-codelist/LimitationsOnPublicAccess/';
const NO_LIMITATIONS_TEXT =
  /^(no limitations( to| on)? public access|keine (zugriffs)?beschränkungen|es gelten keine zugriffsbeschränkungen|keine einschränkungen des öffentlichen zugangs)/i;
const SECRET_CLASSIFICATIONS = new Set(['confidential', 'secret', 'topSecret']);

/**
 * EU access right from the record's constraints: a security classification of confidential or
 * above → NON_PUBLIC; an INSPIRE Article 13 limitation, the restriction code `restricted` or the
 * classification `restricted` (e.g. a paid service behind a login) → RESTRICTED; INSPIRE "noLimitations" (by URI or its usual wording) or the GDI-DE `opendata`
 * marker → PUBLIC; otherwise unknown (null).
 */
export function accessRightOf(constraints: IsoConstraints, openData: boolean): AccessRight | null {
  if (constraints.classification && SECRET_CLASSIFICATIONS.has(constraints.classification)) {
    return 'NON_PUBLIC';
  }
  let publicAccess = false;
  for (const access of constraints.access) {
    const href = access.href ?? '';
    const at = href.indexOf(LIMITATIONS);
    if (at >= 0) {
      const value = href.slice(at + LIMITATIONS.length);
      if (value.startsWith('INSPIRE_Directive_Article13')) return 'RESTRICTED';
      if (value === 'noLimitations') publicAccess = true;
    } else if (NO_LIMITATIONS_TEXT.test(access.text.trim())) {
      publicAccess = true;
    } else if (/article ?13|artikel ?13|art\. ?13/i.test(access.text)) {
      return 'RESTRICTED';
    }
  }
  if (constraints.accessCodes.includes('restricted') || constraints.classification === 'restricted')
    return 'RESTRICTED';
  return publicAccess || openData ? 'PUBLIC' : null;
}
