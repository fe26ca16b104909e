import { logger } from '../../common/logger';

/** A refund to ask of the payment provider; the key makes a retry return the first answer. */
export interface RefundRequest {
  orderNumber: string;
  method: string;
  amountFen: number;
  idempotencyKey: string;
}

/** The payment provider (WeChat Pay, Alipay, cards): production adapters implement this. */
export interface PaymentGateway {
  readonly name: string;
  refund(r: RefundRequest): Promise<{ reference: string }>;
}

/** The default gateway: records the refund (and answers the same reference for the same key). */
export class RecordingGateway implements PaymentGateway {
  readonly name = 'recorder';
  readonly refunds = new Map<string, RefundRequest & { reference: string }>();

  async refund(r: RefundRequest): Promise<{ reference: string }> {
    const known = this.refunds.get(r.idempotencyKey);
    if (known) return { reference: known.reference };
    const reference = `RF-${r.orderNumber}-${this.refunds.size + 1}`;
    this.refunds.set(r.idempotencyKey, { ...r, reference });
    logger.info(
      { order: r.orderNumber, method: r.method, fen: r.amountFen },
      'refund recorded (no payment gateway configured)',
    );
    return { reference };
  }
}
