import { Paperclip } from 'lucide-react';
import { useRef } from 'react';
import { Button } from '@/components/ui/button.tsx';

/** The paperclip of a chat composer: opens the file picker and hands over the file picked. */
export function AttachFileButton(props: {
  label: string;
  inputLabel?: string;
  onPick: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className="shrink-0 text-slate-500"
        aria-label={props.label}
        title={props.label}
        onClick={() => input.current?.click()}
      >
        <Paperclip className="size-5!" aria-hidden="true" />
      </Button>
      <input
        ref={input}
        type="file"
        className="hidden"
        tabIndex={-1}
        aria-label={props.inputLabel}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          e.target.value = '';
          if (picked) props.onPick(picked);
        }}
      />
    </>
  );
}
