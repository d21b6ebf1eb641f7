import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { Command, isInterrupted, MemorySaver } from '@langchain/langgraph';
import { describe, expect, it } from 'vitest';
import { buildAgentGraph, createGraphCache } from './graph.ts';
import { createAskHumanTool } from './tools/askHuman.ts';
import { createHandoffTool } from './tools/handoffToHuman.ts';
import { type RunContext, runConfig } from './tools/runContext.ts';
import { createSearchKnowledgeTool, type KnowledgeSearch } from './tools/searchKnowledge.ts';

/** A chat model that answers from a script, in order; each run's calls are recorded. */
class ScriptedChatModel extends BaseChatModel {
  calls: BaseMessage[][] = [];
  private readonly script: AIMessage[];
  constructor(script: AIMessage[]) {
    super({});
    this.script = script;
  }
  _llmType() {
    return 'scripted';
  }
  override bindTools() {
    return this as never;
  }
  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    this.calls.push(messages);
    const message = this.script.shift() ?? new AIMessage('(fim do roteiro)');
    return { generations: [{ text: String(message.content), message }] };
  }
}

const toolCall = (name: string, args: object, id = `call_${name}`) =>
  new AIMessage({ content: '', tool_calls: [{ id, name, args, type: 'tool_call' }] });

const contextOf = (orgId: string, collectionIds: string[] = []): RunContext => ({
  orgId,
  contactId: `${orgId}-contact`,
  conversationId: `${orgId}-conversation`,
  collectionIds,
  handoff: null,
  retrieved: [],
});

function graphWith(model: BaseChatModel, search: KnowledgeSearch = async () => []) {
  return buildAgentGraph({
    model,
    tools: [createSearchKnowledgeTool(search), createAskHumanTool(), createHandoffTool()],
    checkpointer: new MemorySaver(),
  });
}

describe('agent graph', () => {
  it('searches the knowledge of its own run only, then answers', async () => {
    const searched: Array<{ orgId: string; query: string; collectionIds: string[] }> = [];
    const search: KnowledgeSearch = async (orgId, query, collectionIds) => {
      searched.push({ orgId, query, collectionIds });
      return [{ source: `${orgId}.pdf`, text: `Trecho da empresa ${orgId}` }];
    };
    const model = new ScriptedChatModel([
      toolCall('search_knowledge', { query: 'prazo de entrega' }),
      new AIMessage('Entregamos em 3 dias úteis.'),
    ]);
    const graph = graphWith(model, search);
    const ctx = contextOf('org-a', ['col-1']);
    const result = await graph.invoke(
      { messages: [new HumanMessage('Qual o prazo?')] },
      runConfig('t-1', ctx),
    );

    expect(searched).toEqual([{ orgId: 'org-a', query: 'prazo de entrega', collectionIds: ['col-1'] }]);
    expect(ctx.retrieved).toEqual([{ source: 'org-a.pdf', text: 'Trecho da empresa org-a' }]);
    const messages = result.messages as BaseMessage[];
    expect(messages.at(-1)?.content).toBe('Entregamos em 3 dias úteis.');
    // The model's second call saw the passage the tool returned.
    expect(model.calls[1].find((m) => ToolMessage.isInstance(m))?.content).toContain(
      'Trecho da empresa org-a',
    );
  });

  it('one compiled graph serves concurrent runs, each with its own context', async () => {
    const model = new ScriptedChatModel([]);
    // Each call answers from its own run's messages: a handoff for one lead, text for the other.
    model._generate = async (messages: BaseMessage[]) => {
      const lead = String(messages.find((m) => HumanMessage.isInstance(m))?.content);
      const toolResult = messages.some((m) => ToolMessage.isInstance(m));
      const message =
        lead.includes('humano') && !toolResult
          ? toolCall('handoff_to_human', { reason: 'lead_requested', note: 'pediu atendente' })
          : new AIMessage(`resposta para: ${lead}`);
      return { generations: [{ text: '', message }] };
    };
    const graph = graphWith(model);
    const a = contextOf('org-a');
    const b = contextOf('org-b');
    const [ra, rb] = await Promise.all([
      graph.invoke({ messages: [new HumanMessage('quero um humano')] }, runConfig('t-a', a)),
      graph.invoke({ messages: [new HumanMessage('qual o preço?')] }, runConfig('t-b', b)),
    ]);
    expect(a.handoff).toEqual({ reason: 'lead_requested', note: 'pediu atendente' });
    expect(b.handoff).toBeNull();
    // After the handoff tool the graph stops: no model call after it.
    expect((ra.messages as BaseMessage[]).at(-1)).toBeInstanceOf(ToolMessage);
    expect((rb.messages as BaseMessage[]).at(-1)?.content).toBe('resposta para: qual o preço?');
  });

  it('asks the team (interrupt, checkpointed) and resumes with the answer', async () => {
    const model = new ScriptedChatModel([
      toolCall('ask_human', { question: 'Fazem entrega em Campinas?' }),
      new AIMessage('Fazemos sim, entregamos em Campinas!'),
    ]);
    const graph = graphWith(model);
    const ctx = contextOf('org-a');
    const first = await graph.invoke(
      { messages: [new HumanMessage('Entregam em Campinas?')] },
      runConfig('t-ask', ctx),
    );
    if (!isInterrupted(first)) throw new Error('the graph should have stopped to ask the team');
    expect(first.__interrupt__[0].value).toEqual({ question: 'Fazem entrega em Campinas?' });
    expect(model.calls).toHaveLength(1);

    const resumed = await graph.invoke(
      new Command({ resume: 'Sim, toda a região' }),
      runConfig('t-ask', ctx),
    );
    const messages = resumed.messages as BaseMessage[];
    expect(messages.find((m) => ToolMessage.isInstance(m))?.content).toBe(
      'Resposta da equipe: Sim, toda a região',
    );
    expect(messages.at(-1)?.content).toBe('Fazemos sim, entregamos em Campinas!');
  });

  it('a tool invoked without its run context fails loudly instead of guessing a company', async () => {
    const search = createSearchKnowledgeTool(async () => []);
    await expect(search.invoke({ query: 'x' })).rejects.toThrow(/run context/);
  });

  it('keeps one compiled graph per model client and agent version', () => {
    let built = 0;
    const graphFor = createGraphCache((model: BaseChatModel) => {
      built++;
      return graphWith(model);
    });
    const model = new ScriptedChatModel([]);
    const v1 = graphFor(model, { id: 'agent', version: 1 });
    expect(graphFor(model, { id: 'agent', version: 1 })).toBe(v1);
    expect(graphFor(model, { id: 'agent', version: 2 })).not.toBe(v1);
    expect(graphFor(new ScriptedChatModel([]), { id: 'agent', version: 2 })).not.toBe(v1);
    expect(built).toBe(3);
  });
});
