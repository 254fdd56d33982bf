import { SHARED_DIR } from '@dpi/testing';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { FixtureCatalogue, type CswRequest } from '../demo/fixture-catalogue';

export type { CswRequest } from '../demo/fixture-catalogue';

/** A hostile answer: status, headers and a body (string, chunks, or never answering). */
export interface HostileAnswer {
  status?: number;
  contentType?: string;
  body: string | (() => AsyncIterable<string | Buffer>) | 'hang';
}

/** Returns an answer to replace the normal one, or null to answer normally. */
export type Behaviour = (request: CswRequest, catalogue: TestCatalogue) => HostileAnswer | null;

/**
 * Answers the result pages from record `firstHeld` on only once released (those before at once):
 * a job stays active, with the records before received, for exactly as long as a test needs.
 */
export function heldPages(firstHeld = 1): { behaviour: Behaviour; release: () => void } {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    behaviour: (request, catalogue) =>
      request.resultType === 'results' && request.start >= firstHeld
        ? {
            body: async function* () {
              await released;
              yield catalogue.page(request);
            },
          }
        : null,
    release: () => release(),
  };
}

const GDK_FIXTURE = 'fixtures/csw/ingrid-harvester-gdk/GetRecordsResults.xml';

/** The five real Geodatenkatalog records of the shared fixtures, as written. */
export function gdkFixtureRecords(): { id: string; xml: string }[] {
  const text = readFileSync(join(SHARED_DIR, GDK_FIXTURE), 'utf8');
  return [...text.matchAll(/<gmd:MD_Metadata[\s\S]*?<\/gmd:MD_Metadata>/g)].map(([xml]) => ({
    id: /<gmd:fileIdentifier[^>]*>\s*<gco:CharacterString[^>]*>([^<]+)</.exec(xml)?.[1] ?? '',
    xml,
  }));
}

/** A copy of a real record with another identifier, title or dateStamp. */
export function variant(
  xml: string,
  changes: { id?: string; title?: string; dateStamp?: string },
): string {
  let out = xml;
  if (changes.id) {
    out = out.replace(
      /(<gmd:fileIdentifier[^>]*>\s*<gco:CharacterString[^>]*>)[^<]+/,
      (_, open: string) => `${open}${changes.id}`,
    );
  }
  if (changes.title) {
    out = out.replace(
      /(<gmd:title>\s*<gco:CharacterString[^>]*>)[^<]+/,
      (_, open: string) => `${open}${changes.title}`,
    );
  }
  if (changes.dateStamp) {
    out = out.replace(
      /(<gmd:dateStamp>\s*<gco:Date(?:Time)?[^>]*>)[^<]+/,
      (_, open: string) => `${open}${changes.dateStamp}`,
    );
  }
  return out;
}

/**
 * The loopback catalogue of the tests: the fixture catalogue plus a log of every request and
 * any answer a broken or malicious catalogue could give (see `behaviour`).
 */
export class TestCatalogue extends FixtureCatalogue {
  readonly requests: CswRequest[] = [];
  behaviour: Behaviour | null = null;
  private readonly hanging = new Set<ServerResponse>();

  /** The root URL of the server (for entity URLs of the XXE cases). */
  get origin(): string {
    return this.url.replace(/\/csw$/, '');
  }

  override async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await super.stop();
  }

  protected override onRequest(request: CswRequest): void {
    this.requests.push(request);
  }

  protected override async answer(request: CswRequest, res: ServerResponse): Promise<void> {
    const answer = this.behaviour?.(request, this) ?? null;
    if (!answer) return super.answer(request, res);
    if (answer.body === 'hang') {
      this.hanging.add(res);
      return;
    }
    res.statusCode = answer.status ?? 200;
    res.setHeader('content-type', answer.contentType ?? 'application/xml; charset=UTF-8');
    if (typeof answer.body === 'string') {
      res.end(answer.body);
      return;
    }
    try {
      for await (const chunk of answer.body()) {
        if (res.destroyed) return;
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch {
      res.destroy();
    }
  }
}
