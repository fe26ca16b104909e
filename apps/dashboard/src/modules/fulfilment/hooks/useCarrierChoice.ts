import { useQuery } from '@apollo/client/react';
import { carrierChoiceQuery } from '../graphql/shipments';

/** Every carrier ranked for one shipment, read fresh each time the Ship dialog opens. */
export function useCarrierChoice(shipmentId: string) {
  const { data, loading, error } = useQuery(carrierChoiceQuery, {
    variables: { id: shipmentId },
    fetchPolicy: 'network-only',
  });
  return { choice: data?.shipment?.carrierChoice ?? null, loading, error };
}
