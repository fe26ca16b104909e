import type { Region } from '@fulfilment/domain';
import { Random } from './random';

/** Common surnames with pinyin, weighted roughly by how common they are. */
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 7.1],
  ['李', 'li', 7.0],
  ['张', 'zhang', 6.7],
  ['刘', 'liu', 5.4],
  ['陈', 'chen', 4.5],
  ['杨', 'yang', 3.1],
  ['黄', 'huang', 2.2],
  ['赵', 'zhao', 2.2],
  ['吴', 'wu', 2.0],
  ['周', 'zhou', 1.9],
  ['徐', 'xu', 1.3],
  ['孙', 'sun', 1.3],
  ['马', 'ma', 1.2],
  ['朱', 'zhu', 1.2],
  ['胡', 'hu', 1.1],
  ['郭', 'guo', 1.1],
  ['何', 'he', 1.0],
  ['高', 'gao', 1.0],
  ['林', 'lin', 1.0],
  ['罗', 'luo', 0.9],
  ['郑', 'zheng', 0.9],
  ['梁', 'liang', 0.8],
  ['谢', 'xie', 0.6],
  ['宋', 'song', 0.6],
  ['唐', 'tang', 0.6],
  ['许', 'xu', 0.5],
  ['韩', 'han', 0.5],
  ['冯', 'feng', 0.5],
  ['邓', 'deng', 0.5],
  ['曹', 'cao', 0.5],
  ['彭', 'peng', 0.5],
  ['曾', 'zeng', 0.4],
  ['肖', 'xiao', 0.4],
  ['田', 'tian', 0.4],
  ['董', 'dong', 0.4],
  ['袁', 'yuan', 0.4],
  ['潘', 'pan', 0.4],
  ['于', 'yu', 0.4],
  ['蒋', 'jiang', 0.4],
  ['蔡', 'cai', 0.4],
  ['余', 'yu', 0.4],
  ['杜', 'du', 0.4],
  ['叶', 'ye', 0.4],
  ['程', 'cheng', 0.3],
  ['苏', 'su', 0.3],
  ['魏', 'wei', 0.3],
  ['吕', 'lv', 0.3],
  ['丁', 'ding', 0.3],
  ['任', 'ren', 0.3],
  ['沈', 'shen', 0.3],
  ['姚', 'yao', 0.3],
  ['卢', 'lu', 0.3],
  ['姜', 'jiang', 0.3],
  ['崔', 'cui', 0.3],
  ['钟', 'zhong', 0.3],
  ['谭', 'tan', 0.3],
  ['陆', 'lu', 0.3],
  ['汪', 'wang', 0.3],
  ['范', 'fan', 0.3],
  ['金', 'jin', 0.3],
  ['石', 'shi', 0.2],
  ['廖', 'liao', 0.2],
  ['贾', 'jia', 0.2],
  ['夏', 'xia', 0.2],
  ['韦', 'wei', 0.2],
  ['方', 'fang', 0.2],
  ['白', 'bai', 0.2],
  ['邹', 'zou', 0.2],
  ['孟', 'meng', 0.2],
  ['熊', 'xiong', 0.2],
  ['秦', 'qin', 0.2],
  ['江', 'jiang', 0.2],
  ['尹', 'yin', 0.2],
  ['薛', 'xue', 0.2],
  ['段', 'duan', 0.2],
  ['雷', 'lei', 0.2],
  ['侯', 'hou', 0.2],
  ['龙', 'long', 0.2],
  ['史', 'shi', 0.2],
  ['陶', 'tao', 0.2],
  ['贺', 'he', 0.2],
  ['顾', 'gu', 0.2],
  ['毛', 'mao', 0.2],
  ['欧阳', 'ouyang', 0.05],
  ['司马', 'sima', 0.02],
];

/** Characters used in given names, with pinyin. */
const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['勇', 'yong'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['刚', 'gang'],
  ['平', 'ping'],
  ['辉', 'hui'],
  ['鹏', 'peng'],
  ['华', 'hua'],
  ['飞', 'fei'],
  ['鑫', 'xin'],
  ['波', 'bo'],
  ['斌', 'bin'],
  ['宇', 'yu'],
  ['浩', 'hao'],
  ['凯', 'kai'],
  ['健', 'jian'],
  ['俊', 'jun'],
  ['帆', 'fan'],
  ['旭', 'xu'],
  ['宁', 'ning'],
  ['龙', 'long'],
  ['阳', 'yang'],
  ['建', 'jian'],
  ['国', 'guo'],
  ['志', 'zhi'],
  ['文', 'wen'],
  ['博', 'bo'],
  ['晨', 'chen'],
  ['轩', 'xuan'],
  ['子', 'zi'],
  ['睿', 'rui'],
  ['泽', 'ze'],
  ['天', 'tian'],
  ['一', 'yi'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['艳', 'yan'],
  ['娟', 'juan'],
  ['霞', 'xia'],
  ['秀', 'xiu'],
  ['玲', 'ling'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['慧', 'hui'],
  ['颖', 'ying'],
  ['琳', 'lin'],
  ['倩', 'qian'],
  ['晶', 'jing'],
  ['燕', 'yan'],
  ['佳', 'jia'],
  ['欣', 'xin'],
  ['悦', 'yue'],
  ['梦', 'meng'],
  ['雨', 'yu'],
  ['思', 'si'],
  ['涵', 'han'],
  ['琪', 'qi'],
  ['萱', 'xuan'],
  ['怡', 'yi'],
  ['诗', 'shi'],
  ['馨', 'xin'],
  ['月', 'yue'],
  ['红', 'hong'],
  ['桂', 'gui'],
  ['英', 'ying'],
  ['兰', 'lan'],
  ['梅', 'mei'],
  ['海', 'hai'],
];

export interface PersonName {
  name: string;
  pinyin: string;
}

export function personName(rng: Random): PersonName {
  const [surname, surnamePinyin] = rng.weighted(SURNAMES.map(([s, p, w]) => [[s, p] as const, w] as const));
  const given = Array.from({ length: rng.chance(0.3) ? 1 : 2 }, () => rng.pick(GIVEN));
  return { name: surname + given.map(([c]) => c).join(''), pinyin: surnamePinyin + given.map(([, p]) => p).join('') };
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

export function mobilePhone(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

export function email(rng: Random, person: PersonName): string {
  if (rng.chance(0.45)) return `${rng.int(10_000_000, 3_999_999_999)}@qq.com`;
  const suffix = rng.chance(0.6) ? String(rng.int(1, 9999)) : '';
  return `${person.pinyin}${suffix}@${rng.pick(['163.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com'])}`;
}

export interface City {
  name: string;
  region: Region;
  /** Share of customers. */
  weight: number;
  districts: Readonly<Record<string, readonly string[]>>;
}

export const CITIES: readonly City[] = [
  {
    name: '上海',
    region: 'EAST',
    weight: 12,
    districts: {
      浦东新区: ['张杨路', '世纪大道', '锦绣路', '杨高南路', '川沙路'],
      徐汇区: ['漕溪北路', '田林路', '虹梅路'],
      静安区: ['南京西路', '共和新路', '延长中路'],
      闵行区: ['七莘路', '莘松路', '吴中路'],
      杨浦区: ['国定路', '政通路'],
      长宁区: ['天山路', '仙霞路'],
    },
  },
  {
    name: '杭州',
    region: 'EAST',
    weight: 6,
    districts: {
      西湖区: ['文三路', '天目山路', '古墩路'],
      上城区: ['解放东路', '秋涛路'],
      滨江区: ['江南大道', '滨盛路'],
      余杭区: ['文一西路', '五常大道'],
      拱墅区: ['莫干山路', '湖墅南路'],
    },
  },
  {
    name: '南京',
    region: 'EAST',
    weight: 5,
    districts: {
      鼓楼区: ['中山北路', '湖南路'],
      玄武区: ['珠江路', '北京东路'],
      江宁区: ['双龙大道', '天元中路'],
      建邺区: ['江东中路', '应天大街'],
      秦淮区: ['中华路', '龙蟠中路'],
    },
  },
  {
    name: '苏州',
    region: 'EAST',
    weight: 3,
    districts: { 工业园区: ['星湖街', '苏州大道东'], 姑苏区: ['干将西路', '人民路'], 吴中区: ['东吴北路'] },
  },
  {
    name: '北京',
    region: 'NORTH',
    weight: 11,
    districts: {
      朝阳区: ['建国路', '望京西路', '朝阳北路', '东三环中路'],
      海淀区: ['中关村大街', '学院路', '建材城中路'],
      丰台区: ['丰台北路', '方庄路'],
      西城区: ['西直门南大街', '广安门外大街'],
      东城区: ['东直门内大街'],
      大兴区: ['兴华大街'],
      通州区: ['新华西街'],
    },
  },
  {
    name: '天津',
    region: 'NORTH',
    weight: 5,
    districts: {
      和平区: ['南京路'],
      南开区: ['卫津路', '鞍山西道'],
      河西区: ['友谊路', '围堤道'],
      滨海新区: ['第三大街', '洞庭路'],
    },
  },
  {
    name: '广州',
    region: 'SOUTH',
    weight: 7,
    districts: {
      天河区: ['天河路', '体育西路', '中山大道西'],
      越秀区: ['环市东路', '北京路'],
      海珠区: ['新港中路', '江南大道中'],
      番禺区: ['番禺大道北'],
      白云区: ['机场路', '白云大道北'],
    },
  },
  {
    name: '深圳',
    region: 'SOUTH',
    weight: 8,
    districts: {
      南山区: ['南海大道', '深南大道', '科苑路'],
      福田区: ['福华三路', '红荔路', '益田路'],
      宝安区: ['新安六路', '宝安大道'],
      龙岗区: ['龙翔大道', '布吉路'],
      罗湖区: ['人民南路'],
    },
  },
  {
    name: '武汉',
    region: 'CENTRAL',
    weight: 6,
    districts: {
      武昌区: ['中南路', '武珞路'],
      洪山区: ['珞喻路', '光谷大道'],
      江汉区: ['解放大道', '建设大道'],
      江岸区: ['中山大道', '沿江大道'],
      汉阳区: ['汉阳大道'],
    },
  },
  {
    name: '长沙',
    region: 'CENTRAL',
    weight: 3,
    districts: { 岳麓区: ['麓山南路', '枫林三路'], 天心区: ['芙蓉中路'], 开福区: ['湘江中路'] },
  },
  {
    name: '成都',
    region: 'SOUTHWEST',
    weight: 7,
    districts: {
      武侯区: ['人民南路四段', '科华北路'],
      锦江区: ['东大街', '红星路'],
      高新区: ['天府大道中段', '交子大道'],
      青羊区: ['蜀都大道'],
      成华区: ['建设路'],
    },
  },
  {
    name: '重庆',
    region: 'SOUTHWEST',
    weight: 5,
    districts: {
      渝北区: ['金开大道', '新南路'],
      渝中区: ['民族路', '中山三路'],
      江北区: ['建新北路'],
      南岸区: ['南坪西路'],
      沙坪坝区: ['小龙坎正街'],
    },
  },
  {
    name: '沈阳',
    region: 'NORTHEAST',
    weight: 4,
    districts: { 和平区: ['太原北街', '南京南街'], 沈河区: ['青年大街', '北站路'], 浑南区: ['浑南中路', '创新路'] },
  },
  {
    name: '大连',
    region: 'NORTHEAST',
    weight: 2,
    districts: { 中山区: ['人民路', '解放路'], 沙河口区: ['西安路'], 甘井子区: ['华北路'] },
  },
  {
    name: '西安',
    region: 'NORTHWEST',
    weight: 2.2,
    districts: { 雁塔区: ['小寨东路', '高新路', '长安南路'], 碑林区: ['南大街', '东大街'], 未央区: ['凤城八路'] },
  },
  {
    name: '兰州',
    region: 'NORTHWEST',
    weight: 1,
    districts: { 城关区: ['东岗西路', '庆阳路'], 七里河区: ['西津西路'] },
  },
];

const COMPOUNDS = [
  '阳光花园',
  '锦绣江南',
  '翠湖苑',
  '金色家园',
  '万科城',
  '碧桂园',
  '保利花园',
  '华润城',
  '绿地世纪城',
  '滨江花园',
  '中海国际社区',
  '龙湖春江郦城',
  '融创御园',
  '世茂滨江',
  '名都嘉园',
  '书香门第',
];

export function pickCity(rng: Random): City {
  return rng.weighted(CITIES.map((c) => [c, c.weight] as const));
}

/** A street address in the city, e.g. 浦东新区张杨路1234号5栋601室. */
export function streetAddress(rng: Random, city: City): string {
  const district = rng.pick(Object.keys(city.districts));
  const street = rng.pick(city.districts[district]);
  const base = `${district}${street}${rng.int(1, 1999)}号`;
  const floor = rng.int(1, 32);
  const room = `${floor}${String(rng.int(1, 6)).padStart(2, '0')}室`;
  const form = rng.weighted([
    ['building', 4],
    ['compound', 4],
    ['office', 2],
  ] as const);
  if (form === 'building') return `${base}${rng.int(1, 20)}栋${room}`;
  if (form === 'compound') return `${base}${rng.pick(COMPOUNDS)}${rng.int(1, 28)}号楼${rng.int(1, 4)}单元${room}`;
  return `${base}${rng.pick(['A', 'B', 'C'])}座${room}`;
}

/** Customer-service staff who review, hold and cancel orders. */
export const SERVICE_STAFF = ['王丽', '陈静', '刘洋', '张敏', '赵雪'] as const;

export const COURIERS = [
  '赵磊',
  '钱峰',
  '孙亮',
  '周杰',
  '吴刚',
  '郑凯',
  '冯涛',
  '蒋勇',
  '沈亮',
  '韩冰',
  '杨晓东',
  '朱海波',
] as const;

export const DELIVERY_NOTES = [
  '送货前请电话联系',
  '放门口即可，谢谢',
  '请勿敲门，家里有宝宝在睡觉',
  '工作日白天家里没人，请放快递柜',
  '水请送到楼上，没有电梯',
  '需要开具增值税普通发票',
  '小区门禁，到了请打电话',
  '周末上午在家，请尽量上午送达',
  '生鲜请尽快送达，谢谢',
  '公司前台代收',
] as const;
