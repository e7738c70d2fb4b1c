import { describe, expect, it } from 'vitest';
import { comparePermissions, permissionName } from '../../../../src/core/signin/permission-compare';

describe('permission comparison', () => {
  it('compares without case or resource prefix, ignoring OIDC scopes and .default', () => {
    const r = comparePermissions(
      'delegated',
      ['Files.Read.All', 'Sites.Read.All', 'User.Read'],
      [
        'https://graph.microsoft.us/files.read.all',
        'User.Read',
        'openid',
        'offline_access',
        'Mail.Send',
        'https://graph.microsoft.com/.default',
      ],
    );
    expect(r).toEqual({
      kind: 'delegated',
      required: ['Files.Read.All', 'Sites.Read.All', 'User.Read'],
      granted: ['files.read.all', 'User.Read', 'Mail.Send'],
      missing: ['Sites.Read.All'],
      extra: ['Mail.Send'],
    });
  });

  it('handles empty lists and duplicates', () => {
    expect(comparePermissions('application', [], [])).toEqual({
      kind: 'application',
      required: [],
      granted: [],
      missing: [],
      extra: [],
    });
    expect(comparePermissions('application', ['A', 'a'], ['A']).required).toEqual(['A']);
    expect(permissionName('https://graph.microsoft.com/Files.Read')).toBe('Files.Read');
  });
});
