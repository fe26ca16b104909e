import type { Region } from '@fulfilment/domain';
import type { WarehouseKind } from '../../common/enums';
import { DAY } from './clock';
import { WarehouseSeed } from './model';
import { Random } from './random';

interface WarehouseTemplate {
  code: string;
  name: string;
  region: Region;
  city: string;
  kind: WarehouseKind;
  staff: readonly string[];
}

// Regional warehouses plus city delivery stations that hold fast movers. Nothing serves NORTHWEST,
// so orders there are held for review as UNDELIVERABLE_REGION.
const TEMPLATES: readonly WarehouseTemplate[] = [
  {
    code: 'SH-01',
    name: '上海浦东仓',
    region: 'EAST',
    city: '上海',
    kind: 'WAREHOUSE',
    staff: ['李强', '周敏', '徐磊'],
  },
  {
    code: 'BJ-01',
    name: '北京大兴仓',
    region: 'NORTH',
    city: '北京',
    kind: 'WAREHOUSE',
    staff: ['王建国', '赵鹏', '孙丽'],
  },
  {
    code: 'GZ-01',
    name: '广州白云仓',
    region: 'SOUTH',
    city: '广州',
    kind: 'WAREHOUSE',
    staff: ['陈志强', '黄伟', '梁晓燕'],
  },
  {
    code: 'WH-01',
    name: '武汉东西湖仓',
    region: 'CENTRAL',
    city: '武汉',
    kind: 'WAREHOUSE',
    staff: ['胡斌', '刘畅', '汪海'],
  },
  {
    code: 'CD-01',
    name: '成都双流仓',
    region: 'SOUTHWEST',
    city: '成都',
    kind: 'WAREHOUSE',
    staff: ['杨帆', '罗军', '何静'],
  },
  {
    code: 'SY-01',
    name: '沈阳浑南仓',
    region: 'NORTHEAST',
    city: '沈阳',
    kind: 'WAREHOUSE',
    staff: ['张海涛', '于洋', '宋佳'],
  },
  { code: 'HZ-ST1', name: '杭州西湖配送站', region: 'EAST', city: '杭州', kind: 'STATION', staff: ['沈浩', '吴婷'] },
  { code: 'BJ-ST1', name: '北京朝阳配送站', region: 'NORTH', city: '北京', kind: 'STATION', staff: ['马超', '高远'] },
  { code: 'SZ-ST1', name: '深圳南山配送站', region: 'SOUTH', city: '深圳', kind: 'STATION', staff: ['林志明', '郑晓'] },
  {
    code: 'CQ-ST1',
    name: '重庆渝北配送站',
    region: 'SOUTHWEST',
    city: '重庆',
    kind: 'STATION',
    staff: ['谭勇', '邓琳'],
  },
];

export function buildWarehouses(rng: Random, now: number): WarehouseSeed[] {
  return TEMPLATES.map((t) => ({
    id: rng.uuid(),
    ...t,
    createdAt: now - rng.int(400, 1100) * DAY - rng.int(0, DAY - 1),
  }));
}

export function staffActor(w: WarehouseSeed, rng: Random): string {
  return `warehouse:${rng.pick(w.staff)}`;
}
