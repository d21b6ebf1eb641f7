import { useCallback, useEffect, useRef, useState } from 'react';

/** WhatsApp plays Opus voice notes; Firefox records Ogg/Opus, Chrome WebM/Opus. */
function pickMimeType(): string {
  for (const type of ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm']) {
    if (MediaRecorder.isTypeSupported(type)) return type;
  }
  return '';
}

export type Recording = { blob: Blob; fileName: string; seconds: number };

/** Records a voice note with the browser's microphone; `stop` resolves with the audio. */
export function useVoiceRecorder() {
  const [recording, setRecording] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);
  const startedAt = useRef(0);

  const release = useCallback(() => {
    for (const track of recorder.current?.stream.getTracks() ?? []) track.stop();
    recorder.current = null;
    setRecording(false);
    setSeconds(0);
  }, []);

  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - startedAt.current) / 1000)), 250);
    return () => clearInterval(timer);
  }, [recording]);

  useEffect(() => () => release(), [release]);

  const start = useCallback(async () => {
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
      throw new Error('Seu navegador não grava áudio. Tente o Chrome, Edge ou Firefox atualizados.');
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      throw new Error(
        'Não conseguimos acessar o microfone. Permita o acesso nas configurações do navegador.',
      );
    }
    const mimeType = pickMimeType();
    const rec = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    chunks.current = [];
    rec.ondataavailable = (e) => e.data.size > 0 && chunks.current.push(e.data);
    rec.start(250);
    recorder.current = rec;
    startedAt.current = Date.now();
    setSeconds(0);
    setRecording(true);
  }, []);

  const stop = useCallback(
    () =>
      new Promise<Recording | null>((resolve) => {
        const rec = recorder.current;
        if (!rec) return resolve(null);
        const elapsed = Math.round((Date.now() - startedAt.current) / 1000);
        rec.onstop = () => {
          const type = (rec.mimeType || 'audio/webm').split(';')[0];
          const blob = new Blob(chunks.current, { type });
          release();
          resolve({ blob, fileName: `audio.${type === 'audio/ogg' ? 'ogg' : 'webm'}`, seconds: elapsed });
        };
        rec.stop();
      }),
    [release],
  );

  const cancel = useCallback(() => {
    const rec = recorder.current;
    if (rec) {
      rec.onstop = null;
      if (rec.state !== 'inactive') rec.stop();
    }
    release();
  }, [release]);

  return { recording, seconds, start, stop, cancel };
}
