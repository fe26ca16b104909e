/** Service regions of mainland China, as operations teams group them. */
export const REGIONS = ['EAST', 'NORTH', 'SOUTH', 'CENTRAL', 'SOUTHWEST', 'NORTHWEST', 'NORTHEAST'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES_ZH: Readonly<Record<Region, string>> = {
  EAST: '华东',
  NORTH: '华北',
  SOUTH: '华南',
  CENTRAL: '华中',
  SOUTHWEST: '西南',
  NORTHWEST: '西北',
  NORTHEAST: '东北',
};
