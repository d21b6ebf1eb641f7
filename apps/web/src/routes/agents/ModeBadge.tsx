import type { AgentMode } from '@piloto/contracts';
import { Bot, Sparkles } from 'lucide-react';
import { Badge } from '@/components/ui/badge.tsx';
import { modeInfo } from '@/lib/agentLabels.ts';

export function ModeBadge({ mode }: { mode: AgentMode }) {
  const Icon = mode === 'piloto' ? Bot : Sparkles;
  return (
    <Badge variant={mode === 'piloto' ? 'success' : 'info'} title={modeInfo[mode].description}>
      <Icon className="size-3" aria-hidden="true" />
      {modeInfo[mode].label}
    </Badge>
  );
}
