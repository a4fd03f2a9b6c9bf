/**
 * The one definition of a child's status on the register: the register badge, the child's
 * history and the dashboard's withdrawn and prevented counts all come from childStatus.
 */

export type RegisteredStatus = 'working' | 'at_risk';
export type ChildStatus = RegisteredStatus | 'withdrawn' | 'prevented' | 'moved_away';

/** Verification results that settle a status; "not_yet" (not confirmed) leaves the status as it was. */
export const SETTLING_RESULTS = ['withdrawn', 'prevented', 'still_working', 'moved_away'] as const;
/** Every result a verification may record. */
export const VERIFICATION_RESULTS = [...SETTLING_RESULTS, 'not_yet'] as const;

/**
 * A child's status from how the child was registered and the latest settling verification
 * (null if none). Withdrawn counts only for a child registered as working, prevented only
 * for one registered at risk (ILO-IPEC's definitions); a result that does not fit the
 * registration, which can only come from correcting the registration afterwards, counts as no result.
 */
export function childStatus(registered: RegisteredStatus, latestResult: string | null): ChildStatus {
  switch (latestResult) {
    case 'withdrawn':
      return registered === 'working' ? 'withdrawn' : registered;
    case 'prevented':
      return registered === 'at_risk' ? 'prevented' : registered;
    case 'still_working':
      return 'working';
    case 'moved_away':
      return 'moved_away';
    default:
      return registered;
  }
}
