import { Avatar as AvatarPrimitive } from 'radix-ui';
import { cn } from '@/lib/cn.ts';

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? parts[parts.length - 1][0] : '';
  return (first + last).toUpperCase();
}

export function Avatar({
  name,
  image,
  className,
}: {
  name: string;
  image?: string | null;
  className?: string;
}) {
  return (
    <AvatarPrimitive.Root
      className={cn('relative flex size-8 shrink-0 overflow-hidden rounded-full bg-brand-100', className)}
    >
      {image && <AvatarPrimitive.Image src={image} alt="" className="aspect-square size-full object-cover" />}
      <AvatarPrimitive.Fallback
        delayMs={image ? 400 : 0}
        className="flex size-full items-center justify-center text-xs font-semibold text-brand-800"
      >
        {initialsOf(name)}
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
