import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { workingFolder } from '../../../src/cli/working-folder';

describe('workingFolder', () => {
  it('is INIT_CWD under npm run gcw of this package', () => {
    expect(
      workingFolder(
        { npm_lifecycle_event: 'gcw', npm_package_name: pkg.name, INIT_CWD: '/home/admin/ticket-42' },
        '/repo',
      ),
    ).toBe('/home/admin/ticket-42');
  });

  it('is the process folder everywhere else', () => {
    expect(workingFolder({ INIT_CWD: '/home/admin' }, '/here')).toBe('/here');
    expect(
      workingFolder(
        { npm_lifecycle_event: 'gcw', npm_package_name: 'other-project', INIT_CWD: '/home/admin' },
        '/here',
      ),
    ).toBe('/here');
    expect(
      workingFolder({ npm_lifecycle_event: 'check', npm_package_name: pkg.name, INIT_CWD: '/home/admin' }, '/here'),
    ).toBe('/here');
    expect(
      workingFolder({ npm_lifecycle_event: 'gcw', npm_package_name: pkg.name, INIT_CWD: 'relative' }, '/here'),
    ).toBe('/here');
  });
});
