import { Bot, Sparkles } from 'lucide-react';
import { modeInfo } from '@/lib/agentLabels.ts';
import type { SectionProps } from './agentFormState.ts';
import { ChoiceCards } from './ChoiceCards.tsx';
import { EditorSection } from './EditorSection.tsx';

export function ModeSection({ values, onChange }: SectionProps) {
  return (
    <EditorSection id="modo" title="Modo" description="Quem aperta “enviar”: a IA ou o vendedor.">
      <ChoiceCards
        name="mode"
        legend="Como o agente atua"
        value={values.mode}
        onChange={(mode) => onChange({ mode })}
        options={[
          {
            value: 'piloto',
            label: 'Piloto: a IA responde sozinha',
            icon: Bot,
            description: modeInfo.piloto.description,
          },
          {
            value: 'copiloto',
            label: 'Copiloto: a IA sugere, o vendedor envia',
            icon: Sparkles,
            description: modeInfo.copiloto.description,
          },
        ]}
      />
    </EditorSection>
  );
}
