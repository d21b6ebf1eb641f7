import { useRef, useState } from 'react';
import { errorMessage } from '@/lib/apiClient.ts';
import { useUploadDocument } from '@/lib/queries/knowledgeQueries.ts';
import { uploadProblem } from './documentLabels.ts';

export type QueuedUpload = {
  key: number;
  collectionId: string;
  file: File;
  state: 'waiting' | 'uploading' | 'failed';
  error?: string;
};

/**
 * Files dropped or picked are sent one at a time (a big batch would compete for the connection and
 * the server's parser). A sent file leaves the queue: from then on it is a row of the table.
 */
export function useUploadQueue(orgId: string) {
  const upload = useUploadDocument(orgId);
  const [items, setItems] = useState<QueuedUpload[]>([]);
  const waiting = useRef<QueuedUpload[]>([]);
  const running = useRef(false);
  const nextKey = useRef(0);

  const patch = (key: number, values: Partial<QueuedUpload>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...values } : item)));
  const remove = (key: number) => setItems((list) => list.filter((item) => item.key !== key));

  const drain = async () => {
    if (running.current) return;
    running.current = true;
    for (let item = waiting.current.shift(); item; item = waiting.current.shift()) {
      patch(item.key, { state: 'uploading' });
      try {
        await upload.mutateAsync({ collectionId: item.collectionId, file: item.file });
        remove(item.key);
      } catch (error) {
        patch(item.key, { state: 'failed', error: errorMessage(error) });
      }
    }
    running.current = false;
  };

  const add = (collectionId: string, files: File[]) => {
    const added = files.map((file): QueuedUpload => {
      const problem = uploadProblem(file);
      return {
        key: nextKey.current++,
        collectionId,
        file,
        state: problem ? 'failed' : 'waiting',
        error: problem ?? undefined,
      };
    });
    setItems((list) => [...list, ...added]);
    waiting.current.push(...added.filter((item) => item.state === 'waiting'));
    void drain();
  };

  return { items, add, dismiss: remove };
}

export type UploadQueue = ReturnType<typeof useUploadQueue>;
