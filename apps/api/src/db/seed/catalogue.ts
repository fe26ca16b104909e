import type { PackagingNeed } from '../../common/enums';
import { DAY } from './clock';
import { ProductSeed } from './model';
import { Random } from './random';

/** [name, spec, price in yuan, packaging when it differs from the category's, retail quantity range] */
type Item = readonly [string, string, number, (readonly PackagingNeed[])?, (readonly [number, number])?];

interface Category {
  name: string;
  skuPrefix: string;
  packaging: readonly PackagingNeed[];
  /** Share of order lines relative to other categories. */
  weight: number;
  quantity: readonly [number, number];
  items: readonly Item[];
}

const HEAVY_LIQUID: readonly PackagingNeed[] = ['HEAVY', 'LIQUID'];
const GLASS_LIQUID: readonly PackagingNeed[] = ['FRAGILE', 'HEAVY', 'LIQUID'];
const FRESH_COLD: readonly PackagingNeed[] = ['PERISHABLE', 'COLD_CHAIN'];
const FRESH_FRAGILE: readonly PackagingNeed[] = ['FRAGILE', 'PERISHABLE'];
const EGGS_COLD: readonly PackagingNeed[] = ['FRAGILE', 'PERISHABLE', 'COLD_CHAIN'];
const DRY: readonly PackagingNeed[] = ['MOISTURE_SENSITIVE'];
const DRY_HEAVY: readonly PackagingNeed[] = ['MOISTURE_SENSITIVE', 'HEAVY'];
const LIQUID: readonly PackagingNeed[] = ['LIQUID'];
const LIQUID_GLASS: readonly PackagingNeed[] = ['FRAGILE', 'LIQUID'];
const FRESH_LIQUID_COLD: readonly PackagingNeed[] = ['PERISHABLE', 'COLD_CHAIN', 'LIQUID'];
const FRAGILE: readonly PackagingNeed[] = ['FRAGILE'];
const HEAVY: readonly PackagingNeed[] = ['HEAVY'];
const NONE: readonly PackagingNeed[] = [];

/** Discontinued items: kept in the catalogue, no longer stocked or sold. */
const DISCONTINUED = new Set(['今麦郎 凉白开', '钟薛高 雪糕', '洽洽 香瓜子']);

const CATEGORIES: readonly Category[] = [
  {
    name: '饮用水',
    skuPrefix: 'WTR',
    packaging: HEAVY_LIQUID,
    weight: 3.2,
    quantity: [1, 4],
    items: [
      ['农夫山泉 饮用天然水', '550ml×24瓶', 36],
      ['农夫山泉 饮用天然水', '380ml×24瓶', 29.9],
      ['农夫山泉 饮用天然水', '1.5L×12瓶', 32],
      ['农夫山泉 饮用天然水', '4L×6桶', 42],
      ['农夫山泉 饮用天然水 桶装', '19L/桶', 25, HEAVY_LIQUID, [2, 6]],
      ['农夫山泉 饮用天然水 家庭装', '12L×2桶', 38, HEAVY_LIQUID, [1, 3]],
      ['农夫山泉 苏打天然水', '410ml×15瓶', 45],
      ['怡宝 纯净水', '555ml×24瓶', 32],
      ['怡宝 纯净水', '350ml×24瓶', 26],
      ['怡宝 纯净水', '1.555L×12瓶', 35],
      ['怡宝 纯净水 桶装', '18.9L/桶', 22, HEAVY_LIQUID, [2, 6]],
      ['百岁山 天然矿泉水', '570ml×24瓶', 56],
      ['百岁山 天然矿泉水', '348ml×24瓶', 45],
      ['百岁山 天然矿泉水 桶装', '18.9L/桶', 39, HEAVY_LIQUID, [2, 5]],
      ['景田 饮用纯净水', '560ml×24瓶', 30],
      ['景田 饮用纯净水 桶装', '18.9L/桶', 20, HEAVY_LIQUID, [2, 6]],
      ['娃哈哈 纯净水', '596ml×24瓶', 28],
      ['娃哈哈 纯净水 桶装', '18.9L/桶', 19, HEAVY_LIQUID, [2, 6]],
      ['康师傅 包装饮用水', '550ml×24瓶', 22],
      ['冰露 纯净水', '550ml×24瓶', 20],
      ['今麦郎 凉白开', '550ml×24瓶', 26],
      ['屈臣氏 蒸馏水', '400ml×24瓶', 38],
      ['恒大冰泉 长白山天然矿泉水', '500ml×24瓶', 48],
      ['昆仑山 雪山矿泉水', '510ml×24瓶', 96],
      ['5100 西藏冰川矿泉水', '330ml×24瓶', 118],
      ['依云 天然矿泉水', '500ml×24瓶', 168],
      ['巴黎水 含气天然矿泉水 玻璃瓶', '330ml×24瓶', 189, GLASS_LIQUID, [1, 2]],
      ['圣培露 含气天然矿泉水 玻璃瓶', '500ml×24瓶', 239, GLASS_LIQUID, [1, 2]],
    ],
  },
  {
    name: '生鲜果蔬',
    skuPrefix: 'FRS',
    packaging: ['PERISHABLE'],
    weight: 2.2,
    quantity: [1, 3],
    items: [
      ['烟台红富士苹果', '5kg/箱', 59.9],
      ['阿克苏冰糖心苹果', '5kg/箱', 79],
      ['海南金煌芒果', '3kg/箱', 49.9],
      ['赣南脐橙', '5kg/箱', 55],
      ['四川丑橘', '2.5kg/箱', 39.9],
      ['广西沃柑', '5kg/箱', 45],
      ['丹东99草莓', '500g/盒', 69, EGGS_COLD, [1, 2]],
      ['云南蓝莓', '125g×4盒', 59, FRESH_COLD, [1, 2]],
      ['智利车厘子 JJ级', '2.5kg/箱', 299, FRESH_COLD, [1, 1]],
      ['阳光玫瑰葡萄', '1kg/盒', 49.9, FRESH_FRAGILE, [1, 2]],
      ['佳沛 阳光金果奇异果', '22粒/箱', 128],
      ['海南香蕉', '3kg/箱', 29.9],
      ['陕西徐香猕猴桃', '3kg/箱', 39],
      ['麒麟西瓜', '约4kg/个', 35, ['PERISHABLE', 'HEAVY'], [1, 2]],
      ['泰国椰青', '9个/箱', 79, ['PERISHABLE', 'HEAVY'], [1, 1]],
      ['精品西红柿', '1kg/袋', 12.9],
      ['有机黄瓜', '500g/袋', 7.9],
      ['长茄子', '1kg/袋', 9.9],
      ['上海青', '500g/袋', 5.9, FRESH_COLD],
      ['菠菜', '400g/袋', 6.9, FRESH_COLD],
      ['西兰花', '500g/颗', 8.9, FRESH_COLD],
      ['生菜', '400g/袋', 6.5, FRESH_COLD],
      ['鲜香菇', '300g/盒', 9.9, FRESH_COLD],
      ['黄心土豆', '2.5kg/袋', 11.9],
      ['胡萝卜', '1kg/袋', 6.9],
      ['紫皮洋葱', '1.5kg/袋', 8.9],
      ['山东大葱', '1kg/捆', 7.9],
      ['云南小黄姜', '500g/袋', 9.9],
    ],
  },
  {
    name: '肉禽蛋',
    skuPrefix: 'MEA',
    packaging: FRESH_COLD,
    weight: 1.5,
    quantity: [1, 3],
    items: [
      ['内蒙古羔羊肉卷', '500g/盒', 49.9],
      ['澳洲谷饲眼肉牛排', '200g×5片', 159, FRESH_COLD, [1, 1]],
      ['黑猪五花肉', '500g/盒', 32.9],
      ['黑猪前腿肉馅', '400g/盒', 22.9],
      ['猪肋排', '1kg/盒', 58],
      ['猪蹄', '1kg/袋', 36.9],
      ['三黄鸡', '1.2kg/只', 39.9],
      ['鸡胸肉', '1kg/袋', 24.9],
      ['鸡翅中', '500g/袋', 35.9],
      ['琵琶腿', '1kg/袋', 29.9],
      ['鸡爪', '500g/袋', 22.9],
      ['鲜鸭腿', '1kg/袋', 26],
      ['牛腱子', '1kg/袋', 89],
      ['土鸡蛋', '30枚/盒', 39.9, FRESH_FRAGILE],
      ['鲜鸡蛋', '30枚/盒', 26.9, FRESH_FRAGILE],
      ['无菌可生食鸡蛋', '20枚/盒', 32.9, EGGS_COLD],
      ['高邮咸鸭蛋', '6枚/盒', 19.9, FRAGILE],
      ['鹌鹑蛋', '60枚/盒', 22.9, FRESH_FRAGILE],
      ['冷冻大虾仁', '500g/袋', 59.9],
      ['挪威三文鱼刺身', '200g/盒', 69, FRESH_COLD, [1, 2]],
      ['鲜活鲈鱼', '约600g/条', 38, FRESH_COLD, [1, 2]],
      ['厄瓜多尔白虾', '1.8kg/盒', 109, FRESH_COLD, [1, 1]],
    ],
  },
  {
    name: '粮油调味',
    skuPrefix: 'GRN',
    packaging: NONE,
    weight: 1.6,
    quantity: [1, 2],
    items: [
      ['五常稻花香大米', '5kg/袋', 69.9, DRY_HEAVY],
      ['东北珍珠米', '10kg/袋', 59.9, DRY_HEAVY],
      ['泰国茉莉香米', '5kg/袋', 58, DRY_HEAVY],
      ['金龙鱼 多用途麦芯粉', '5kg/袋', 32.9, DRY_HEAVY],
      ['香雪 雪花粉', '2.5kg/袋', 19.9, DRY],
      ['金龙鱼 黄金比例调和油', '5L/桶', 69.9, HEAVY_LIQUID],
      ['鲁花 5S压榨一级花生油', '5L/桶', 149, HEAVY_LIQUID],
      ['福临门 非转基因大豆油', '5L/桶', 59.9, HEAVY_LIQUID],
      ['多力 葵花籽油', '5L/桶', 79.9, HEAVY_LIQUID],
      ['海天 味极鲜酱油', '1.9L/瓶', 22.9, LIQUID],
      ['李锦记 薄盐生抽', '500ml/瓶', 13.9, LIQUID_GLASS, [1, 3]],
      ['恒顺 镇江香醋', '500ml/瓶', 9.9, LIQUID_GLASS, [1, 3]],
      ['山西老陈醋', '2.5L/桶', 25, LIQUID],
      ['海天 上等蚝油', '700g/瓶', 12.9, LIQUID],
      ['中盐 未加碘精制盐', '400g×5袋', 12, DRY],
      ['太古 优级白砂糖', '1kg/袋', 12.9, DRY],
      ['老干妈 风味豆豉油辣椒', '280g/瓶', 10.5, FRAGILE, [1, 4]],
      ['郫县豆瓣酱', '500g/袋', 9.9],
      ['王守义 十三香', '45g×3袋', 12, DRY],
      ['五得利 鸡蛋挂面', '1kg×2袋', 15.9, DRY],
      ['东北黑木耳', '250g/袋', 29.9, DRY],
      ['山西小米', '2.5kg/袋', 29.9, DRY],
      ['东北绿豆', '1kg/袋', 16.9, DRY],
      ['燕之坊 五谷杂粮', '2kg/袋', 39.9, DRY],
    ],
  },
  {
    name: '乳品',
    skuPrefix: 'DRY',
    packaging: LIQUID,
    weight: 1.3,
    quantity: [1, 3],
    items: [
      ['蒙牛 特仑苏纯牛奶', '250ml×12盒', 65],
      ['伊利 金典有机纯牛奶', '250ml×12盒', 69.9],
      ['伊利 纯牛奶', '250ml×24盒', 66, HEAVY_LIQUID],
      ['蒙牛 纯牛奶', '250ml×24盒', 59.9, HEAVY_LIQUID],
      ['认养一头牛 全脂纯牛奶', '250ml×16盒', 59.9],
      ['光明 优倍鲜牛奶', '950ml/瓶', 19.9, FRESH_LIQUID_COLD],
      ['三元 鲜牛奶', '950ml/瓶', 17.9, FRESH_LIQUID_COLD],
      ['每日鲜语 鲜牛奶', '720ml/瓶', 23.9, FRESH_LIQUID_COLD],
      ['简爱 原味裸酸奶', '135g×6杯', 29.9, FRESH_COLD],
      ['君乐宝 简醇0蔗糖酸奶', '150g×8袋', 39.9, FRESH_COLD],
      ['安慕希 希腊风味酸奶', '205g×12盒', 59.9],
      ['光明 莫斯利安酸奶', '200g×12盒', 65],
      ['蒙牛 真果粒', '250g×12盒', 42],
      ['旺仔牛奶', '245ml×12罐', 54],
      ['伊利 QQ星儿童成长牛奶', '195ml×12盒', 49.9],
      ['蒙牛 优益C乳酸菌饮品', '340ml×4瓶', 26, FRESH_LIQUID_COLD],
      ['妙可蓝多 奶酪棒', '500g/袋', 49.9, FRESH_COLD],
      ['安佳 淡奶油', '1L/盒', 52, FRESH_LIQUID_COLD, [1, 2]],
    ],
  },
  {
    name: '零食饮料',
    skuPrefix: 'SNK',
    packaging: NONE,
    weight: 1.6,
    quantity: [1, 4],
    items: [
      ['可口可乐', '330ml×24罐', 45, HEAVY_LIQUID, [1, 2]],
      ['百事可乐', '330ml×24罐', 42, HEAVY_LIQUID, [1, 2]],
      ['元气森林 白桃苏打气泡水', '480ml×15瓶', 69, LIQUID, [1, 2]],
      ['东方树叶 茉莉花茶', '500ml×15瓶', 59, LIQUID, [1, 2]],
      ['康师傅 冰红茶', '500ml×15瓶', 39, LIQUID, [1, 2]],
      ['王老吉 凉茶', '310ml×24罐', 72, HEAVY_LIQUID, [1, 2]],
      ['红牛 维生素功能饮料', '250ml×24罐', 120, HEAVY_LIQUID, [1, 2]],
      ['农夫果园 混合果蔬汁', '500ml×15瓶', 58, LIQUID, [1, 2]],
      ['青岛啤酒 经典', '500ml×12罐', 52, LIQUID, [1, 3]],
      ['雪花啤酒 勇闯天涯', '500ml×12罐', 45, LIQUID, [1, 3]],
      ['哈尔滨啤酒 冰纯 玻璃瓶', '600ml×12瓶', 48, GLASS_LIQUID, [1, 2]],
      ['乐事 原味薯片', '135g×3袋', 24.9, DRY],
      ['三只松鼠 每日坚果', '750g/30袋', 99, DRY, [1, 2]],
      ['良品铺子 猪肉脯', '200g/袋', 29.9],
      ['旺旺 雪饼', '520g/袋', 19.9, DRY],
      ['奥利奥 原味夹心饼干', '388g/盒', 18.9, DRY],
      ['德芙 丝滑牛奶巧克力', '252g/碗', 49.9],
      ['卫龙 大面筋', '106g×10包', 19.9],
      ['康师傅 红烧牛肉面', '5连包', 14.5],
      ['统一 老坛酸菜牛肉面', '5连包', 14.5],
      ['洽洽 香瓜子', '308g/袋', 12.9, DRY],
      ['好丽友 巧克力派', '12枚/盒', 23.9],
      ['百草味 芒果干', '120g×3袋', 29.9, DRY],
      ['旺仔 QQ糖', '20g×20包', 19.9],
      ['士力架 花生夹心巧克力', '51g×12条', 45],
    ],
  },
  {
    name: '日用百货',
    skuPrefix: 'HOM',
    packaging: NONE,
    weight: 0.9,
    quantity: [1, 2],
    items: [
      ['维达 超韧抽纸 3层100抽', '24包/箱', 59.9, DRY, [1, 2]],
      ['清风 原木纯品卷纸', '4层140g×27卷', 52.9, DRY, [1, 2]],
      ['得宝 迷你手帕纸', '4层×36包', 25.9, DRY],
      ['洁柔 厨房用纸', '75节×4卷', 22.9, DRY],
      ['心相印 湿巾', '80片×6包', 39.9],
      ['妙洁 保鲜袋', '中号200只', 16.9],
      ['美丽雅 加厚垃圾袋', '45×50cm 150只', 19.9, NONE, [1, 3]],
      ['乐扣乐扣 玻璃保鲜盒', '3件套', 89, FRAGILE, [1, 1]],
      ['康宁 耐热玻璃碗', '3件套', 129, FRAGILE, [1, 1]],
      ['双枪 天然竹筷', '10双装', 19.9],
      ['苏泊尔 不粘炒锅', '32cm', 229, HEAVY, [1, 1]],
      ['3M 思高 百洁布', '10片装', 15.9],
      ['南孚 5号碱性电池', '20粒', 49.9],
      ['公牛 插线板', '5孔1.8米', 49, NONE, [1, 1]],
      ['欧司朗 LED灯泡', '9W×4只', 39.9, FRAGILE],
      ['天堂 三折晴雨伞', '1把', 59, NONE, [1, 1]],
      ['茶花 塑料收纳箱', '55L×2个', 89, NONE, [1, 1]],
      ['拜耳 杀虫气雾剂', '600ml×2瓶', 45, LIQUID],
    ],
  },
  {
    name: '个护清洁',
    skuPrefix: 'CLN',
    packaging: NONE,
    weight: 1.0,
    quantity: [1, 2],
    items: [
      ['蓝月亮 深层洁净洗衣液', '3kg×2瓶', 79.9, HEAVY_LIQUID],
      ['奥妙 全自动浓缩洗衣粉', '2.5kg/袋', 32.9, DRY],
      ['汰渍 洗衣凝珠', '52颗/盒', 59.9, DRY],
      ['立白 洗洁精', '1.45kg×2瓶', 24.9, LIQUID],
      ['威猛先生 厨房重油污净', '500g×2瓶', 35.9, LIQUID],
      ['滴露 消毒液', '1.8L/瓶', 69.9, LIQUID],
      ['蓝月亮 洗手液', '500g×3瓶', 39.9, LIQUID],
      ['威露士 洗衣机清洁剂', '250ml×3瓶', 35, LIQUID],
      ['海飞丝 去屑洗发水', '750ml/瓶', 69.9, LIQUID],
      ['潘婷 氨基酸洗发水', '530ml/瓶', 59.9, LIQUID],
      ['舒肤佳 沐浴露', '1L/瓶', 45.9, LIQUID],
      ['舒肤佳 香皂', '125g×6块', 29.9],
      ['六神 花露水 玻璃瓶', '195ml/瓶', 15.9, LIQUID_GLASS],
      ['高露洁 全面防蛀牙膏', '140g×3支', 29.9],
      ['云南白药 牙膏', '180g×2支', 69.9],
      ['舒适达 抗敏感牙膏', '120g×2支', 79],
      ['欧乐B 电动牙刷刷头', '4支装', 129, NONE, [1, 1]],
      ['护舒宝 日用卫生巾', '10片×5包', 49.9, DRY],
      ['帮宝适 一级帮纸尿裤 L码', '52片/包', 169, DRY],
      ['大宝 SOD蜜', '200ml/瓶', 22.9, LIQUID],
      ['妮维雅 男士洁面乳', '150g/支', 39.9],
      ['吉列 锋隐剃须刀片', '4刀头', 119, NONE, [1, 1]],
    ],
  },
  {
    name: '冷冻速食',
    skuPrefix: 'FRZ',
    packaging: ['COLD_CHAIN'],
    weight: 0.9,
    quantity: [1, 3],
    items: [
      ['思念 猪肉白菜水饺', '1kg/袋', 24.9],
      ['湾仔码头 玉米猪肉水饺', '720g/袋', 35.9],
      ['必品阁 王饺子', '1.2kg/袋', 49.9],
      ['三全 黑芝麻汤圆', '1kg/袋', 22.9],
      ['正大 鸡肉玉米蒸饺', '1.2kg/袋', 32.9],
      ['安井 福州鱼丸', '1kg/袋', 26.9],
      ['海霸王 火锅丸子组合', '1kg/袋', 39.9],
      ['广州酒家 叉烧包', '480g/袋', 25.9],
      ['千味央厨 油条', '900g/袋', 19.9],
      ['圣农 脆皮炸鸡', '1kg/袋', 45.9],
      ['和路雪 可爱多', '67g×6支', 36],
      ['钟薛高 雪糕', '78g×10片', 150],
      ['八喜 香草冰淇淋', '550g/桶', 39.9],
      ['哈根达斯 冰淇淋', '392g/桶', 79, ['COLD_CHAIN'], [1, 2]],
    ],
  },
];

const GRAMS: Record<string, number> = { ml: 1, mL: 1, L: 1000, g: 1, kg: 1000 };

/**
 * Shipping weight of one unit from its specification ("550ml×24瓶" → 13.2 kg + 8 % packaging; "18.9L/桶"
 * → 20.4 kg); 500 g when the spec names no weight or volume (liquids counted at 1 g/ml).
 */
export function unitWeightOf(spec: string): number {
  const m = /(\d+(?:\.\d+)?)\s*(ml|mL|L|kg|g)(?:×(\d+))?/.exec(spec);
  if (!m) return 500;
  return Math.round(Number(m[1]) * GRAMS[m[2]] * Number(m[3] ?? 1) * 1.08);
}

/** Every warehouse shelves alike: one aisle per category (A, B, …), three levels per bay, in SKU order. */
function binOf(category: number, item: number): string {
  const bay = String(Math.floor(item / 3) + 1).padStart(2, '0');
  return `${String.fromCharCode(65 + category)}-${bay}-${(item % 3) + 1}`;
}

export function buildCatalogue(rng: Random, now: number): ProductSeed[] {
  return CATEGORIES.flatMap((c, ci) =>
    c.items.map(([name, spec, yuan, packaging, quantity], i) => ({
      id: rng.uuid(),
      sku: `${c.skuPrefix}-${String(i + 1).padStart(4, '0')}`,
      name,
      spec,
      category: c.name,
      unitPriceFen: Math.round(yuan * 100),
      packaging: [...(packaging ?? c.packaging)],
      unitWeightG: unitWeightOf(spec),
      bin: binOf(ci, i),
      active: !DISCONTINUED.has(name),
      createdAt: now - rng.int(100, 700) * DAY - rng.int(0, DAY - 1),
      // A long tail: a few items sell far more than most.
      popularity: c.weight * Math.exp(rng.between(-1.2, 1.2)),
      quantity: quantity ?? c.quantity,
    })),
  );
}
