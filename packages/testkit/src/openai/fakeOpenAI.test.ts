import {
  AIMessage,
  type AIMessageChunk,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FAKE_OPENAI_DEFAULT_CONTENT, type FakeOpenAI, startFakeOpenAI } from './fakeOpenAI.ts';

const checkStock = tool(async ({ sku }) => `SKU ${sku}: 3 unidades`, {
  name: 'check_stock',
  description: 'Consulta o estoque de um produto pelo SKU',
  schema: z.object({ sku: z.string(), size: z.number().optional() }),
});

let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
});

afterEach(async () => {
  await fake.close();
});

function chatModel(fields: { maxRetries?: number; timeout?: number; apiKey?: string } = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: 'gpt-4.1-mini',
    apiKey: fields.apiKey ?? fake.apiKey,
    configuration: { baseURL: fake.url },
    maxRetries: fields.maxRetries ?? 0,
    timeout: fields.timeout,
  });
}

describe('fake OpenAI chat completions with the real ChatOpenAI client', () => {
  it('answers a plain invoke with the default content and records the request', async () => {
    const reply = await chatModel().invoke([
      new SystemMessage('Você é um vendedor.'),
      new HumanMessage('Oi!'),
    ]);

    expect(reply.content).toBe(FAKE_OPENAI_DEFAULT_CONTENT);
    expect(reply.response_metadata.finish_reason).toBe('stop');
    const request = fake.lastRequest();
    expect(request?.model).toBe('gpt-4.1-mini');
    expect(request?.stream).toBe(false);
    expect(request?.messages).toEqual([
      { role: 'system', content: 'Você é um vendedor.' },
      { role: 'user', content: 'Oi!' },
    ]);
    expect(request?.tools).toEqual([]);
  });

  it('plays scripted turns in order, then falls back to the responder', async () => {
    fake.script({ content: 'primeira' }, { content: 'segunda' });
    fake.respond((request) => ({ content: `eco: ${request.messages.at(-1)?.content}` }));
    const model = chatModel();

    expect((await model.invoke('a')).content).toBe('primeira');
    expect((await model.invoke('b')).content).toBe('segunda');
    expect((await model.invoke('c')).content).toBe('eco: c');
    expect(fake.pendingTurns()).toBe(0);
    expect(fake.requests).toHaveLength(3);
  });

  it('reports usage: scripted counts, or about four characters per token', async () => {
    fake.script({ content: 'ok', usage: { prompt: 120, completion: 7 } }, { content: 'abcdefgh' });
    const model = chatModel();

    const scripted = await model.invoke('Oi');
    expect(scripted.usage_metadata).toMatchObject({ input_tokens: 120, output_tokens: 7, total_tokens: 127 });

    const estimated = await model.invoke('1234567890123456');
    expect(estimated.usage_metadata).toMatchObject({ input_tokens: 4, output_tokens: 2, total_tokens: 6 });
  });

  it('returns tool calls with parsed args to a model with bound zod tools', async () => {
    fake.script({
      toolCalls: [{ name: 'check_stock', args: { sku: 'TEN-42', size: 42 }, id: 'call_stock1' }],
    });

    const reply = await chatModel().bindTools([checkStock]).invoke('Tem o tênis 42?');

    expect(reply.content).toBe('');
    expect(reply.tool_calls).toEqual([
      { name: 'check_stock', args: { sku: 'TEN-42', size: 42 }, id: 'call_stock1', type: 'tool_call' },
    ]);
    expect(reply.response_metadata.finish_reason).toBe('tool_calls');
    const request = fake.lastRequest();
    expect(request?.tools).toHaveLength(1);
    expect(request?.tools[0]).toMatchObject({
      type: 'function',
      function: {
        name: 'check_stock',
        description: 'Consulta o estoque de um produto pelo SKU',
        parameters: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
      },
    });
  });

  it('sends tool results back in the next request of a multi-turn exchange', async () => {
    fake.script({ toolCalls: [{ name: 'check_stock', args: { sku: 'TEN-42' } }] });
    fake.respond((request) => {
      const last = request.messages.at(-1);
      return { content: last?.role === 'tool' ? `Temos sim! (${last.content})` : 'Não sei.' };
    });
    const model = chatModel().bindTools([checkStock]);
    const history = [new HumanMessage('Tem o tênis 42?')];

    const call = await model.invoke(history);
    const toolCall = call.tool_calls?.[0];
    expect(toolCall?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    const result = await checkStock.invoke(toolCall!);
    const answer = await model.invoke([...history, call, result]);

    expect(answer.content).toBe('Temos sim! (SKU TEN-42: 3 unidades)');
    const messages = fake.lastRequest()?.messages;
    expect(messages?.[1]).toMatchObject({
      role: 'assistant',
      tool_calls: [
        {
          id: toolCall?.id,
          type: 'function',
          function: { name: 'check_stock', arguments: JSON.stringify({ sku: 'TEN-42' }) },
        },
      ],
    });
    // The ToolMessage from tool.invoke carries the tool's name, and ChatOpenAI forwards it.
    expect(messages?.[2]).toEqual({
      role: 'tool',
      name: 'check_stock',
      content: 'SKU TEN-42: 3 unidades',
      tool_call_id: toolCall?.id,
    });
  });

  it('rejects a conversation whose tool call has no tool message, as OpenAI does', async () => {
    const call = new AIMessage({
      content: '',
      tool_calls: [{ name: 'check_stock', args: { sku: 'X' }, id: 'call_x' }],
    });

    await expect(
      chatModel().invoke([new HumanMessage('oi'), call, new HumanMessage('e aí?')]),
    ).rejects.toThrow(/did not have response messages: call_x/);
    await expect(
      chatModel().invoke([new HumanMessage('oi'), new ToolMessage({ content: 'x', tool_call_id: 'call_y' })]),
    ).rejects.toThrow(/must be a response to a preceeding message with 'tool_calls'/);
  });

  it('streams content in several chunks, with usage at the end', async () => {
    fake.script({ content: 'Olá! Temos o tênis em estoque.' });

    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await chatModel().stream('Oi')) chunks.push(chunk);
    const message = chunks.reduce((sum, chunk) => sum.concat(chunk));

    expect(chunks.filter((chunk) => chunk.content !== '').length).toBeGreaterThan(3);
    expect(message.content).toBe('Olá! Temos o tênis em estoque.');
    expect(message.usage_metadata?.output_tokens).toBe(8);
    expect(message.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(fake.lastRequest()).toMatchObject({ stream: true, streamOptions: { include_usage: true } });
  });

  it('streams tool calls assembled from argument pieces', async () => {
    fake.script({
      toolCalls: [
        { name: 'check_stock', args: { sku: 'TEN-42-PRETO', size: 42 } },
        { name: 'check_stock', args: { sku: 'TEN-43-BRANCO' } },
      ],
    });

    let message: AIMessageChunk | undefined;
    for await (const chunk of await chatModel().bindTools([checkStock]).stream('Tem 42 preto e 43 branco?')) {
      message = message ? message.concat(chunk) : chunk;
    }

    expect(message?.tool_calls?.map(({ name, args }) => ({ name, args }))).toEqual([
      { name: 'check_stock', args: { sku: 'TEN-42-PRETO', size: 42 } },
      { name: 'check_stock', args: { sku: 'TEN-43-BRANCO' } },
    ]);
    expect(message?.tool_calls?.every((call) => call.id?.startsWith('call_'))).toBe(true);
    expect(message?.response_metadata.finish_reason).toBe('tool_calls');
  });

  it('surfaces a 429 with OpenAI error body and retry-after', async () => {
    fake.script({ error: { status: 429 } });

    const error = await chatModel()
      .invoke('Oi')
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    expect(String(error)).toMatch(/Rate limit reached for gpt-4\.1-mini/);
    expect((error as { headers: Headers }).headers.get('retry-after')).toBe('1');
  });

  it('surfaces a 500 without retries, and recovers from it with maxRetries: 1', async () => {
    fake.script({ error: { status: 500 } });
    await expect(chatModel().invoke('Oi')).rejects.toMatchObject({ status: 500 });

    fake.script({ error: { status: 500 } }, { content: 'Voltei' });
    const reply = await chatModel({ maxRetries: 1 }).invoke('Oi');
    expect(reply.content).toBe('Voltei');
    expect(fake.requests).toHaveLength(3);
  });

  it('lets a client timeout fire on a delayed turn', async () => {
    fake.script({ delayMs: 2_000, content: 'tarde demais' });

    await expect(chatModel({ timeout: 200 }).invoke('Oi')).rejects.toThrow(/timed out/i);
  });

  it('answers 401 invalid_api_key to a wrong key', async () => {
    const error = await chatModel({ apiKey: 'sk-wrong-key-123456' })
      .invoke('Oi')
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(String(error)).toMatch(/Incorrect API key provided: sk-\*{5}3456/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('fake OpenAI embeddings', () => {
  it('gives the same normalized vector for the same text', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      apiKey: fake.apiKey,
      configuration: { baseURL: fake.url },
      maxRetries: 0,
    });

    const [first, other] = await embeddings.embedDocuments(['tênis preto 42', 'sandália branca']);
    const again = await embeddings.embedQuery('tênis preto 42');

    expect(first).toHaveLength(1536);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(Math.hypot(...first)).toBeCloseTo(1, 5);
    expect(fake.embeddingRequests[0]).toMatchObject({
      model: 'text-embedding-3-small',
      input: ['tênis preto 42', 'sandália branca'],
    });
  });

  it('honours requested dimensions', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-large',
      dimensions: 256,
      apiKey: fake.apiKey,
      configuration: { baseURL: fake.url },
    });

    expect(await embeddings.embedQuery('oi')).toHaveLength(256);
  });
});
