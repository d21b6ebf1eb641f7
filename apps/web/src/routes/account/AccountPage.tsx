import { PageHeader } from '@/components/PageHeader.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';

export function AccountPage() {
  return (
    <>
      <PageHeader title="Minha conta" description="Seus dados, sua senha e onde sua conta está conectada." />
      <div className="grid gap-6">
        <ProfileCard />
        <PasswordCard />
        <SessionsCard />
      </div>
    </>
  );
}
