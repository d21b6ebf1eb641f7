import { useQuery } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { devMailsQueryKey } from '../queryKeys.ts';

export type DevMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
};

export function useDevMails() {
  return useQuery({
    queryKey: devMailsQueryKey,
    queryFn: async () => (await api.get<{ mails: DevMail[] }>('/dev/mails')).mails,
    refetchInterval: 3000,
  });
}
