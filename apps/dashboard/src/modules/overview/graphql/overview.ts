import { graphql } from '../../../gql';

/**
 * The managers' overview in one read: every figure is an SQL aggregate on the server. useOverview
 * keeps it live between reads from the order events.
 */
export const operationsOverviewQuery = graphql(`
  query OperationsOverview {
    operationsOverview {
      generatedAt
      ordersToday
      amountToday {
        amount
        fen
        currency
      }
      ordersByStatus {
        status
        count
      }
      awaitingReview
      onHold
      backordered
      lowStockLevels
      outOfStockLevels
      averageMinutesToConfirm
      averageMinutesToAllocate
      averageMinutesToPick
      averageMinutesPickToPack
      averageMinutesPackToShip
      checkErrorRate
      averageHoursToShip
      p90HoursToShip
      onTimeDelivery {
        value
        target
        meetsTarget
        sampleSize
      }
      complaintsOpen
      complaintsAtRisk
      complaintsBreached
      orderErrorRate {
        value
        target
        meetsTarget
        sampleSize
      }
      satisfaction {
        value
        target
        meetsTarget
        sampleSize
      }
      ordersPerMinute {
        minute
        count
      }
    }
  }
`);
