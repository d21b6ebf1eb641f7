import { PageHeader } from '@/components/PageHeader.tsx';
import { InvitationsCard } from './InvitationsCard.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { MembersCard } from './MembersCard.tsx';

export function TeamPage() {
  return (
    <>
      <PageHeader
        title="Equipe"
        description="Quem acessa a empresa e o que cada pessoa pode fazer."
        actions={<InviteDialog />}
      />
      <div className="grid gap-6">
        <MembersCard />
        <InvitationsCard />
      </div>
    </>
  );
}
