import { type Role, roles } from '@piloto/contracts';
import { roleLabels } from '@/lib/roleLabels.ts';

/** Only owners may grant "owner"; the option is still listed (disabled) to show an owner's current role. */
export function RoleOptions({ actorRole, current }: { actorRole: Role; current?: Role }) {
  return (
    <>
      {[...roles].reverse().map((role) => {
        const forbidden = role === 'owner' && actorRole !== 'owner';
        if (forbidden && current !== 'owner') return null;
        return (
          <option key={role} value={role} disabled={forbidden}>
            {roleLabels[role]}
          </option>
        );
      })}
    </>
  );
}
