import { describe, expect, it } from 'vitest';
import { splitIntoBubbles, typingDelayMs } from './replyStyle.ts';

describe('splitIntoBubbles', () => {
  it('splits paragraphs into bubbles and gives links, Pix keys and codes a bubble of their own', () => {
    const answer =
      'Oi, Ana! Temos sim.\n\nO valor é R$ 199,90 e dá para pagar no Pix:\nChave Pix: 12.345.678/0001-90\nDepois é só mandar o comprovante.\n\nhttps://loja.com.br/produto';
    expect(splitIntoBubbles(answer, { split: true, max: 6 })).toEqual([
      'Oi, Ana! Temos sim.',
      'O valor é R$ 199,90 e dá para pagar no Pix:',
      'Chave Pix: 12.345.678/0001-90',
      'Depois é só mandar o comprovante.',
      'https://loja.com.br/produto',
    ]);
  });

  it('never sends more than the maximum per turn, and can keep everything in one bubble', () => {
    const answer = 'um\n\ndois\n\ntrês\n\nquatro';
    expect(splitIntoBubbles(answer, { split: true, max: 2 })).toEqual(['um', 'dois\n\ntrês\n\nquatro']);
    expect(splitIntoBubbles(answer, { split: false, max: 3 })).toEqual([answer]);
    expect(splitIntoBubbles('   ', { split: true, max: 3 })).toEqual([]);
  });

  it('waits in proportion to length, within human bounds', () => {
    expect(typingDelayMs('ok')).toBe(1000);
    expect(typingDelayMs('x'.repeat(100))).toBe(3500);
    expect(typingDelayMs('x'.repeat(1000))).toBe(6000);
  });
});
