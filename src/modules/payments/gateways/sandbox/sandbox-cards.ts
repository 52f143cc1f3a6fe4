/** The sandbox gateway's test cards and what it answers for each. */
export const SANDBOX_CARDS = {
  approve: '4580000000000000',
  decline: '4000000000000002',
  insufficientFunds: '4000000000009995',
} as const;

export type SandboxOutcome = { status: 'approved'; reason: null } | { status: 'declined'; reason: string };

/** What the sandbox answers for a card number (spaces and dashes ignored); any other card is declined as unknown. */
export function sandboxOutcome(cardNumber: string): SandboxOutcome {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (digits === SANDBOX_CARDS.approve) return { status: 'approved', reason: null };
  if (digits === SANDBOX_CARDS.decline) return { status: 'declined', reason: 'העסקה נדחתה (card declined)' };
  if (digits === SANDBOX_CARDS.insufficientFunds) return { status: 'declined', reason: 'אין מספיק כיסוי (insufficient funds)' };
  return { status: 'declined', reason: 'כרטיס לא מוכר בסביבת הבדיקה (unknown test card)' };
}
