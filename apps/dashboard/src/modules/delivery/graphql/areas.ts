import { graphql } from '../../../gql';

export const blockedAreasQuery = graphql(`
  query BlockedAreas {
    blockedAreas(activeOnly: true) {
      id
      zone
      city
      reason
      blockedBy
      blockedAt
      radiusM
      centre {
        lat
        lng
      }
    }
  }
`);

export const blockAreaMutation = graphql(`
  mutation BlockArea($input: BlockAreaInput!) {
    blockArea(input: $input) {
      area {
        id
        zone
      }
      affected {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const unblockAreaMutation = graphql(`
  mutation UnblockArea($input: UnblockAreaInput!) {
    unblockArea(input: $input) {
      area {
        id
        zone
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const blockedAreaChangedSubscription = graphql(`
  subscription BlockedAreaChangedLive {
    blockedAreaChanged {
      areaId
      zone
      blocked
      reason
      at
    }
  }
`);

export const deliveryZonesQuery = graphql(`
  query DeliveryZones($city: String!) {
    deliveryZones(city: $city) {
      zone
      district
      radiusM
      centre {
        lat
        lng
      }
    }
  }
`);
