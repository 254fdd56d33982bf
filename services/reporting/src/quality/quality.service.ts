import { LAENDER } from '@dpi/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { ItemQualityView, LandQualityView, QualityDimensionsView } from './dto/quality.dto';
import { landQuality, QUALITY_BREAKDOWN_VERSION, recordQuality } from './quality-dimensions';
import { QUALITY_METHOD_VERSION } from './quality-method';
import { QualityRepository } from './quality.repository';

@Injectable()
export class QualityService {
  constructor(private readonly repository: QualityRepository) {}

  /** Per Land (one or all 16): dimensions and the tips that would improve most datasets. */
  async laender(viewer: Viewer, landCode?: string): Promise<LandQualityView[]> {
    const rows = await this.repository.perLand(viewer.scope, landCode);
    return LAENDER.filter((l) => !landCode || l.code === landCode).map((land) => ({
      landCode: land.code,
      landName: land.name,
      ...landQuality(rows.find((r) => r.landCode === land.code)),
    }));
  }

  async dimensions(viewer: Viewer, landCode?: string): Promise<QualityDimensionsView> {
    return {
      methodVersion: QUALITY_METHOD_VERSION,
      breakdownVersion: QUALITY_BREAKDOWN_VERSION,
      laender: await this.laender(viewer, landCode),
      generatedAt: new Date().toISOString(),
    };
  }

  async item(id: string, viewer: Viewer): Promise<ItemQualityView> {
    const row = await this.repository.dataset(id, viewer.scope);
    if (!row) throw new NotFoundException(`no dataset ${id}: quality is scored for datasets`);
    return {
      id: row.id as string,
      title: row.title as string,
      landCode: (row.landCode as string | null) ?? null,
      methodVersion: QUALITY_METHOD_VERSION,
      breakdownVersion: QUALITY_BREAKDOWN_VERSION,
      ...recordQuality(row),
    };
  }
}
