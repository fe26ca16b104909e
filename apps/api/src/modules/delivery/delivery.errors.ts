import { errorCodes, ErrorCodesOf } from '../../common/user-error';

export const DELIVERY_ERROR_CODES = errorCodes({
  COURIER_CODE_TAKEN: 'Another courier already has this code.',
  VEHICLE_CODE_TAKEN: 'Another vehicle already has this code.',
  USER_NOT_COURIER: 'The staff user named for a courier does not have the COURIER role or is another courier’s.',
  COURIER_NOT_ELIGIBLE:
    'The courier cannot take the run: off duty, not delivering in its zone, outside the shift, or without room; `message` says which.',
  STALE_ASSIGNMENT:
    'The run’s courier changed since the dispatcher looked (another dispatcher assigned it first); read the run again.',
  NOT_YOUR_RUN: 'The run (or delivery) belongs to another courier.',
  NOT_A_COURIER: 'The caller signs in as no courier of the fleet.',
  NOTHING_TO_PLAN: 'No unassigned delivery of the warehouse waits for planning (outside blocked areas).',
  NO_COURIER_AVAILABLE: 'No courier serving the zone is on shift with room for the run.',
  PROOF_REQUIRED: 'Delivering needs proof: a signature image, or a photo for contactless delivery.',
  PROOF_NOT_IMAGE: 'The proof is not a PNG, JPEG or WebP image (by its bytes, not its name).',
  PROOF_TOO_LARGE: 'The proof image is over 512 KiB; compress it (e.g. a JPEG of at most 1280 px).',
  POSITION_OUT_OF_RANGE:
    'A position is not on Earth (latitude −90…90, longitude −180…180), older than 24 hours, or more than 2 minutes in the future.',
  AREA_ALREADY_BLOCKED: 'The zone is already blocked.',
  AREA_NOT_BLOCKED: 'The zone is not blocked.',
  UNKNOWN_ZONE: 'The zone is neither a served city nor a known district of one (e.g. 上海 or 上海浦东新区).',
  ALREADY_RATED: 'The delivery was already rated.',
  NOT_DELIVERED: 'Only a delivered delivery can be rated.',
});

declare module '../../common/user-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface UserErrorCodes extends ErrorCodesOf<typeof DELIVERY_ERROR_CODES> {}
}
