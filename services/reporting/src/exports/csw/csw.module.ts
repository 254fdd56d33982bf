import { Module } from '@nestjs/common';

/** OGC CSW 2.0.2 over the inventory (issue 20): see services/reporting/README.md, "CSW 2.0.2". */
@Module({})
export class CswModule {}
