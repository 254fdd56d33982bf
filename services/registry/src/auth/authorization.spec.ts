import { ForbiddenException } from '@nestjs/common';
import { assertMayWrite } from './authorization';

describe('assertMayWrite', () => {
  const hamburg = { name: 'hh', role: 'land-editor' as const, landCode: 'DE-HH' };

  it('lets an admin write any Land', () => {
    expect(() => assertMayWrite({ name: 'a', role: 'admin' }, 'DE-BY', 'DE-HH')).not.toThrow();
  });

  it('lets a Land editor write its own Land only, before and after the change', () => {
    expect(() => assertMayWrite(hamburg, 'DE-HH')).not.toThrow();
    expect(() => assertMayWrite(hamburg, 'DE-BB')).toThrow(
      'may only write records of DE-HH, not of DE-BB',
    );
    expect(() => assertMayWrite(hamburg, 'DE-HH', 'DE-BB')).toThrow(ForbiddenException);
    expect(() => assertMayWrite(hamburg, null)).toThrow('not of federal records (no Land)');
  });

  it('never lets a reviewer write', () => {
    expect(() => assertMayWrite({ name: 'ag', role: 'reviewer' }, 'DE-HH')).toThrow(
      'reviewer tokens can read, not write',
    );
  });

  it('never lets an operator write records (it manages the harvester)', () => {
    for (const lands of [['DE-HH'], [null], ['DE-HH', 'DE-BB']]) {
      expect(() => assertMayWrite({ name: 'ops', role: 'operator' }, ...lands)).toThrow(
        'operator tokens manage harvest sources and jobs; they cannot write records',
      );
    }
  });
});
