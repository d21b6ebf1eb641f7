import type { FormEvent, ReactNode } from 'react';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  DialogClose,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog.tsx';

type DialogFormProps = {
  title: ReactNode;
  description: ReactNode;
  /** The request's error when it names no field (field errors show under their fields). */
  error: string | null;
  submitLabel: ReactNode;
  pending: boolean;
  onSubmit: (event: FormEvent) => void;
  /** The fields. */
  children: ReactNode;
};

/** What a form dialog holds: its title, the form with its error and fields, then Cancelar and submit. */
export function DialogForm({
  title,
  description,
  error,
  submitLabel,
  pending,
  onSubmit,
  children,
}: DialogFormProps) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <form onSubmit={onSubmit} className="grid gap-4" noValidate>
        {error && <Alert variant="error">{error}</Alert>}
        {children}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancelar</Button>
          </DialogClose>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </DialogFooter>
      </form>
    </>
  );
}
