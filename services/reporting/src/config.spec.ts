import { reportingEnvSchema } from './config';

describe('reporting configuration', () => {
  it('takes a Datenbereitsteller-ID only as an IRI, and none by default', () => {
    expect(reportingEnvSchema.parse({}).DCAT_CONTRIBUTOR_ID).toBeUndefined();
    const id = 'http://dcat-ap.de/def/contributors/agIntegrierteDatenplattformen';
    expect(reportingEnvSchema.parse({ DCAT_CONTRIBUTOR_ID: id }).DCAT_CONTRIBUTOR_ID).toBe(id);
    const wrong = reportingEnvSchema.safeParse({ DCAT_CONTRIBUTOR_ID: 'Brandenburg' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]).toMatchObject({
      path: ['DCAT_CONTRIBUTOR_ID'],
      message: expect.stringContaining('must be an IRI'),
    });
  });
});
