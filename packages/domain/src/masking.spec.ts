import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addressWithCity, maskAddress, maskContactsInText, maskEmail, maskName, maskPhone } from './masking';
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
    // Shown with its city once: a masked address already starts with it.
    assert.equal(addressWithCity('上海', maskAddress('浦东新区张杨路1234号', '上海')), '上海浦东新区');
    assert.equal(addressWithCity('上海', '浦东新区张杨路1234号'), '上海浦东新区张杨路1234号');
    assert.equal(addressWithCity('上海', '上海市浦东新区张杨路1234号'), '上海市浦东新区张杨路1234号');
    assert.equal(maskAddress('上海市浦东新区张杨路1234号', '上海'), '上海浦东新区');
  });
  it('never lets a street through on a word that only ends like a district', () => {
    // Each of these kept its street and number before districts came from a list (security review #9).
    assert.equal(maskAddress('人民路8号阳光小区1栋', '上海'), '上海');
    assert.equal(maskAddress('文三路社区卫生服务站', '杭州'), '杭州');
    assert.equal(maskAddress('解放路大学城市花园3号', '西安'), '西安');
    assert.equal(maskAddress('南京路99号华联超市', '天津'), '天津');
    assert.equal(maskAddress('某某县城关镇人民路1号', '乌鲁木齐'), '乌鲁木齐');
  });
  it('hides the local part of an e-mail address', () => {
    assert.equal(maskEmail('wang.li@example.cn'), 'w***@example.cn');
  });
});

describe('masking contact details in free text', () => {
  it('masks phone numbers, e-mail addresses and ID numbers and keeps the rest', () => {
    assert.equal(
      maskContactsInText('客户 张三 13812345678 要求改地址，备用 138-1234-5679'),
      '客户 张三 138****5678 要求改地址，备用 138****5679',
    );
    assert.equal(
      maskContactsInText('座机 021-62345678 或邮件 wang.li@example.cn'),
      '座机 021****5678 或邮件 w***@example.cn',
    );
    assert.equal(maskContactsInText('身份证 11010519491231002X 已核对'), '身份证 ****************** 已核对');
    assert.equal(maskContactsInText('订单 ORD-20261206-0001 缺货 12 件'), '订单 ORD-20261206-0001 缺货 12 件');
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
