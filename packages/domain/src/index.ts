export * from './order-states';
export * from './allocation';
export * from './review';
export * from './stock';
export * from './money';
export * from './regions';
export * from './promise';
