import type { Membership, Role } from '@piloto/contracts';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

const storageKey = 'piloto.orgId';

export function readStoredOrgId(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function storeOrgId(orgId: string): void {
  try {
    window.localStorage.setItem(storageKey, orgId);
  } catch {
    // Private mode without storage: the choice just lasts for this page.
  }
}

type CurrentOrg = {
  orgId: string;
  orgName: string;
  role: Role;
  memberships: Membership[];
  switchOrg: (orgId: string) => void;
};

const CurrentOrgContext = createContext<CurrentOrg | null>(null);

/** The company being worked on: the stored choice when still a membership, else the first one. */
export function CurrentOrgProvider({
  memberships,
  children,
}: {
  memberships: Membership[];
  children: ReactNode;
}) {
  const [storedId, setStoredId] = useState(readStoredOrgId);
  const current = memberships.find((m) => m.orgId === storedId) ?? memberships[0];

  const switchOrg = useCallback((orgId: string) => {
    storeOrgId(orgId);
    setStoredId(orgId);
  }, []);

  const value = useMemo<CurrentOrg | null>(
    () =>
      current
        ? { orgId: current.orgId, orgName: current.orgName, role: current.role, memberships, switchOrg }
        : null,
    [current, memberships, switchOrg],
  );

  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrg {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg must be used inside CurrentOrgProvider with a membership');
  return value;
}
