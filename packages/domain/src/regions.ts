/** Service regions of mainland China, as operations teams group them. */
export const REGIONS = ['EAST', 'NORTH', 'SOUTH', 'CENTRAL', 'SOUTHWEST', 'NORTHWEST', 'NORTHEAST'] as const;
export type Region = (typeof REGIONS)[number];
