import type { AgentConfig, Voice } from '@piloto/contracts';
import { KeyRound } from 'lucide-react';
import { Link } from 'react-router';
import { FormField } from '@/components/FormField.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { type AiSettings, useAiSettings } from '@/lib/queries/agentQueries.ts';
import { useVoices } from '@/lib/queries/voiceQueries.ts';
import type { SectionProps } from './agentFormState.ts';
import { EditorSection } from './EditorSection.tsx';

type VoiceReply = AgentConfig['voiceReply'];

const replyOptions: Array<{ value: VoiceReply; label: string; hint: string }> = [
  { value: 'never', label: 'Nunca', hint: 'O agente sempre responde por texto.' },
  {
    value: 'when_lead_audio',
    label: 'Quando o lead mandar áudio',
    hint: 'Se a última mensagem do lead foi um áudio, a resposta vai em áudio; senão, em texto.',
  },
  { value: 'always', label: 'Sempre', hint: 'Toda resposta vai como mensagem de voz.' },
];

const voiceLabel = (voice: Voice) =>
  `${voice.name} · ${voice.provider === 'elevenlabs' ? 'clonada' : 'OpenAI'}`;

/**
 * Whether the server can synthesize speech: a chosen voice speaks through its own provider; the
 * default voice through the speech model of Configurações › IA, else OpenAI's (as the API does).
 */
function canSpeak(ai: AiSettings, voiceProvider: Voice['provider'] | null): boolean {
  const provider = voiceProvider ?? ai.models.speech?.provider ?? 'openai';
  if (provider === 'elevenlabs') return ai.elevenlabs.configured || ai.elevenlabs.fromEnvironment;
  const openAi = ai.providers.find((p) => p.provider === 'openai');
  return Boolean(openAi?.configured || openAi?.fromEnvironment);
}

/** Answering with voice notes, and in which voice (a row of Vozes, or the speech model's default). */
export function VoiceSection({ values, onChange, errors }: SectionProps) {
  const { orgId } = useCurrentOrg();
  const voices = useVoices(orgId);
  const ai = useAiSettings(orgId);
  const reply = replyOptions.find((o) => o.value === values.voiceReply) ?? replyOptions[0];
  // The voice chosen was deleted since: the agent speaks with the default voice until another is picked.
  const gone = voices.data && values.voiceId !== null && !voices.data.some((v) => v.id === values.voiceId);
  const chosen = voices.data?.find((v) => v.id === values.voiceId);
  const noSpeech = ai.data !== undefined && !canSpeak(ai.data, chosen?.provider ?? null);

  return (
    <EditorSection
      id="audio"
      title="Respostas em áudio"
      description="O agente pode responder com mensagens de voz, como um vendedor no WhatsApp. Links, chaves Pix e códigos seguem em texto, para o lead copiar."
    >
      <FormField
        id="agent-voice-reply"
        label="Responder em áudio"
        error={errors.voiceReply}
        hint={reply.hint}
      >
        {(field) => (
          <NativeSelect
            {...field}
            className="sm:max-w-80"
            value={values.voiceReply}
            onChange={(e) => onChange({ voiceReply: e.target.value as VoiceReply })}
          >
            {replyOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      {values.voiceReply !== 'never' && (
        <>
          <FormField
            id="agent-voice"
            label="Voz"
            error={errors.voiceId}
            labelAside={
              <Link to="/vozes" className="text-xs font-medium text-brand-700 underline">
                Gerenciar vozes
              </Link>
            }
            hint={
              voices.data?.length === 0 ? (
                <>
                  Nenhuma voz cadastrada: clone a voz de alguém da equipe ou escolha uma pronta em{' '}
                  <Link to="/vozes" className="font-medium text-brand-700 underline">
                    Vozes
                  </Link>
                  .
                </>
              ) : values.voiceId === null ? (
                'A voz padrão é a do modelo de voz escolhido em Configurações › IA.'
              ) : undefined
            }
          >
            {(field) => (
              <NativeSelect
                {...field}
                className="sm:max-w-80"
                value={values.voiceId ?? ''}
                disabled={voices.isPending}
                onChange={(e) => onChange({ voiceId: e.target.value || null })}
              >
                <option value="">Voz padrão</option>
                {gone && <option value={values.voiceId ?? ''}>Voz excluída (usando a padrão)</option>}
                {voices.data?.map((voice) => (
                  <option key={voice.id} value={voice.id}>
                    {voiceLabel(voice)}
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
          {gone && (
            <p className="text-sm text-amber-800">
              A voz escolhida foi excluída; o agente está usando a voz padrão.{' '}
              <button
                type="button"
                className="font-medium underline"
                onClick={() => onChange({ voiceId: null })}
              >
                Usar a voz padrão
              </button>
            </p>
          )}
          {noSpeech && (
            <p className="flex items-start gap-1.5 text-sm text-amber-800">
              <KeyRound className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              <span>
                Falta a chave do provedor de voz: por enquanto as respostas vão em texto.{' '}
                <Link to="/configuracoes/ia" className="font-medium underline">
                  Configurar em Configurações › IA
                </Link>
              </span>
            </p>
          )}
        </>
      )}
    </EditorSection>
  );
}
