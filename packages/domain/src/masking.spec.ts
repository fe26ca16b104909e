import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskAddress, maskEmail, maskName, maskPhone } from './masking';
import { API_KEY_SCOPES, PERMISSIONS, permissionsOfRole, ROLES } from './access';

describe('masking personal data', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('021-62345678'), '021****5678');
    assert.equal(maskPhone('12345'), '*****');
  });
  it('keeps the surname only', () => {
    assert.equal(maskName('张伟'), '张*');
    assert.equal(maskName('欧阳娜娜'), '欧**');
    assert.equal(maskName('Li'), 'L*');
  });
  it('reduces an address to city and district', () => {
    assert.equal(maskAddress('浦东新区张杨路1234号5栋601室', '上海'), '上海浦东新区');
    assert.equal(maskAddress('张杨路1234号', '上海'), '上海');
  });
  it('hides the local part of an e-mail address', () => {
    assert.equal(maskEmail('wang.li@example.cn'), 'w***@example.cn');
  });
});

describe('roles and scopes', () => {
  it('gives admins everything and only managers and customer service personal data', () => {
    assert.equal(permissionsOfRole('ADMIN').size, PERMISSIONS.length);
    const pii = ROLES.filter((r) => permissionsOfRole(r).has('CUSTOMER_PII_READ'));
    assert.deepEqual(pii, ['ADMIN', 'MANAGER', 'CUSTOMER_SERVICE']);
  });
  it('never lets an API key scope read personal data or manage access', () => {
    for (const scope of Object.values(API_KEY_SCOPES)) {
      for (const p of ['CUSTOMER_PII_READ', 'USER_MANAGE', 'APIKEY_MANAGE', 'AUDIT_READ'])
        assert.ok(!(scope.permissions as readonly string[]).includes(p));
    }
  });
});
