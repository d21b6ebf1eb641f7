import { Link } from 'react-router';
import { FormField } from '@/components/FormField.tsx';
import { SwitchField } from '@/components/SwitchField.tsx';
import type { SectionProps } from './agentFormState.ts';
import { ChoiceCards } from './ChoiceCards.tsx';
import { EditorSection } from './EditorSection.tsx';
import { NumberInput } from './NumberInput.tsx';

const defaultQuietMinutes = 60;

export function TimingSection({ values, onChange, errors }: SectionProps) {
  const quiet = values.humanQuietMinutes;
  return (
    <EditorSection id="quando" title="Quando responder">
      <ChoiceCards
        name="working-hours"
        legend="Horário"
        value={values.workingHours}
        onChange={(workingHours) => onChange({ workingHours })}
        options={[
          { value: 'always', label: 'Sempre', description: 'Responde 24 horas, todos os dias.' },
          {
            value: 'business_hours',
            label: 'Só no horário de atendimento',
            description: (
              <>
                Fora dele, transfere para a equipe. Ajuste o horário em{' '}
                <Link to="/configuracoes" className="font-medium text-brand-700 underline">
                  Configurações
                </Link>
                .
              </>
            ),
          },
        ]}
      />
      <FormField
        id="agent-debounce"
        label="Espera antes de responder"
        error={errors.debounceSeconds}
        hint="O lead costuma mandar várias mensagens seguidas: o agente espera esse tempo sem novas mensagens e responde tudo de uma vez."
      >
        {(field) => (
          <NumberInput
            {...field}
            min={0}
            max={120}
            suffix="segundos"
            className="sm:max-w-48"
            value={values.debounceSeconds}
            onValueChange={(debounceSeconds) => onChange({ debounceSeconds })}
          />
        )}
      </FormField>
      <ChoiceCards
        name="human-quiet"
        legend="Silêncio depois que um humano escreve"
        value={quiet === null ? 'until' : 'minutes'}
        onChange={(choice) =>
          onChange({ humanQuietMinutes: choice === 'until' ? null : defaultQuietMinutes })
        }
        options={[
          {
            value: 'minutes',
            label: 'Por um tempo',
            description: 'A IA volta sozinha depois de alguns minutos sem o vendedor escrever.',
          },
          {
            value: 'until',
            label: 'Até devolverem para a IA',
            description: 'A IA só volta quando alguém clicar em “Devolver para a IA” no Inbox.',
          },
        ]}
      >
        {quiet !== null && (
          <FormField id="agent-quiet" label="Minutos de silêncio" error={errors.humanQuietMinutes}>
            {(field) => (
              <NumberInput
                {...field}
                min={1}
                max={10_080}
                suffix="minutos"
                className="sm:max-w-48"
                value={quiet}
                onValueChange={(humanQuietMinutes) => onChange({ humanQuietMinutes })}
              />
            )}
          </FormField>
        )}
      </ChoiceCards>
    </EditorSection>
  );
}

export function StyleSection({ values, onChange, errors }: SectionProps) {
  const style = values.replyStyle;
  const set = (patch: Partial<typeof style>) => onChange({ replyStyle: { ...style, ...patch } });
  return (
    <EditorSection
      id="estilo"
      title="Estilo das respostas"
      description="Parecer gente no WhatsApp: mensagens curtas, uma de cada vez."
    >
      <SwitchField
        id="style-split"
        label="Dividir em várias mensagens"
        description="Respostas longas viram balões curtos, como uma pessoa digitando."
        checked={style.splitMessages}
        onCheckedChange={(splitMessages) => set({ splitMessages })}
      />
      {style.splitMessages && (
        <FormField
          id="style-max"
          label="Máximo de mensagens por resposta"
          error={errors['replyStyle.maxMessagesPerTurn']}
        >
          {(field) => (
            <NumberInput
              {...field}
              min={1}
              max={6}
              className="sm:max-w-48"
              value={style.maxMessagesPerTurn}
              onValueChange={(maxMessagesPerTurn) => set({ maxMessagesPerTurn })}
            />
          )}
        </FormField>
      )}
      <SwitchField
        id="style-typing"
        label="Mostrar “digitando…”"
        description="Espera um pouco antes de cada balão, proporcional ao tamanho do texto."
        checked={style.typingDelay}
        onCheckedChange={(typingDelay) => set({ typingDelay })}
      />
    </EditorSection>
  );
}
