import { DataSource } from 'typeorm';

/** Placeholder until the demo data generator lands. */
export async function seedDemoDataIfEmpty(_ds: DataSource): Promise<void> {}
