import type { PackageMaterial } from '../../../gql/graphql';

/**
 * The i18n key of a proposed package's reason. The platform explains its proposal in English (one
 * sentence per packaging class); the class follows from the material, and for sealed cartons from
 * whether the reason speaks of liquids or of damp.
 */
export function packagingReasonKey(material: PackageMaterial, reason: string) {
  switch (material) {
    case 'INSULATED_BOX':
      return 'fulfilment.packagingReason.insulated' as const;
    case 'STRAPPED_CASE':
      return 'fulfilment.packagingReason.strapped' as const;
    case 'PADDED_CARTON':
      return 'fulfilment.packagingReason.padded' as const;
    case 'SEALED_CARTON':
      return /^liquid/i.test(reason)
        ? ('fulfilment.packagingReason.liquid' as const)
        : ('fulfilment.packagingReason.dry' as const);
    case 'CARTON':
      return 'fulfilment.packagingReason.plain' as const;
    default:
      return null;
  }
}
