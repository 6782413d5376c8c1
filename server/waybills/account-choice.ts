/**
 * Which courier account a parcel's waybill is issued on (pure; createIssuanceBatch feeds it).
 *
 * In order: the account picked for this parcel in the dialog, the account picked for the whole
 * batch, then the account courier assignment chose (or a person overrode it to). When
 * assignment ran and found no courier, the parcel fails with assignment's explanation: quietly
 * issuing on some other account would ship it with a courier the rules or coverage ruled out.
 *
 * The shop's default account is used only when assignment is not configured at all (no enabled
 * account has an enabled freight template, so assignment has no data to choose with): a console
 * that has not set up freight yet still issues waybills the way it did before assignment.
 */

export type AccountSource = "parcel" | "batch" | "override" | "assignment" | "shop_default";

export type AccountChoiceInput = {
  /** The dialog's per-parcel choice. */
  parcelAccountId?: string | null;
  /** The dialog's choice for the whole batch. */
  batchAccountId?: string | null;
  /** The account stored on the parcel by assignment or by a person's override. */
  assignedAccountId: string | null;
  /** The stored account is a person's override. */
  overridden: boolean;
  /** Whether assignment is configured (some enabled account has an enabled template). */
  assignmentConfigured: boolean;
  /** The explanation of the assignment that found no courier, when that is what happened. */
  noCourierExplanation?: string | null;
  shopAccountId: string | null;
};

export type AccountChoice =
  | { kind: "account"; accountId: string; source: AccountSource }
  | { kind: "no_courier"; reason: string }
  | { kind: "no_account" };

export function chooseAccount(i: AccountChoiceInput): AccountChoice {
  if (i.parcelAccountId) return { kind: "account", accountId: i.parcelAccountId, source: "parcel" };
  if (i.batchAccountId) return { kind: "account", accountId: i.batchAccountId, source: "batch" };
  if (i.assignedAccountId) {
    return {
      kind: "account",
      accountId: i.assignedAccountId,
      source: i.overridden ? "override" : "assignment",
    };
  }
  if (i.assignmentConfigured) {
    return {
      kind: "no_courier",
      reason: `no courier: ${i.noCourierExplanation ?? "courier assignment found no account for this parcel"}`,
    };
  }
  if (i.shopAccountId) {
    return { kind: "account", accountId: i.shopAccountId, source: "shop_default" };
  }
  return { kind: "no_account" };
}

/**
 * Whether createIssuanceBatch (re)runs assignment for a parcel before choosing: never when the
 * dialog named an account or the parcel is not issuable anyway; when the parcel has no account
 * yet; and, for auto-shipping at packing (`reassign`), whenever a person has not overridden it,
 * because the real weight and box may change the best courier.
 */
export function needsAssignment(i: {
  parcelAccountId?: string | null;
  batchAccountId?: string | null;
  assignedAccountId: string | null;
  overridden: boolean;
  issuable: boolean;
  reassign: boolean;
}): boolean {
  if (!i.issuable || i.parcelAccountId || i.batchAccountId) return false;
  if (i.overridden) return false;
  return i.reassign || !i.assignedAccountId;
}
