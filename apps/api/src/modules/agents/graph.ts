import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessage } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { BaseCheckpointSaver, LangGraphRunnableConfig } from '@langchain/langgraph';
import { END, START, StateGraph } from '@langchain/langgraph';
import { ToolNode } from '@langchain/langgraph/prebuilt';
import { AgentState, type AgentStateType } from './state.ts';
import { runContextOf } from './tools/runContext.ts';

/**
 * Nodes and edges only: call the model; run the tools it asked for; stop when it answers or a tool
 * handed the conversation to a human. Nothing here belongs to one run: the run's context comes with
 * each invocation (`runConfig`), so a compiled graph is reused across runs.
 */
export function buildAgentGraph(opts: {
  model: BaseChatModel;
  tools: StructuredToolInterface[];
  checkpointer: BaseCheckpointSaver;
}) {
  const bound = opts.model.bindTools!(opts.tools);

  async function callModel(state: AgentStateType) {
    return { messages: [await bound.invoke(state.messages)] };
  }

  function next(state: AgentStateType): 'tools' | typeof END {
    const last = state.messages.at(-1) as AIMessage;
    return last?.tool_calls?.length ? 'tools' : END;
  }

  function afterTools(_state: AgentStateType, config: LangGraphRunnableConfig): 'agent' | typeof END {
    return runContextOf(config).handoff ? END : 'agent';
  }

  const graph = new StateGraph(AgentState)
    .addNode('agent', callModel)
    .addNode('tools', new ToolNode(opts.tools))
    .addEdge(START, 'agent')
    .addConditionalEdges('agent', next, ['tools', END])
    .addConditionalEdges('tools', afterTools, ['agent', END])
    .compile({ checkpointer: opts.checkpointer });
  // Each step is saved before the next starts, so a run a crash cuts short resumes without running again
  // the tools that ran (with "async", the next model call could start before their results were saved).
  return graph.withConfig({ durability: 'sync' });
}

export type AgentGraph = ReturnType<typeof buildAgentGraph>;

/**
 * Compiled graphs kept per model client and agent: building one (tool schemas, binding, compiling)
 * costs more CPU than the rest of a turn's bookkeeping. A new agent version replaces its entry; a new
 * client (keys changed) starts a new map, and the old one goes with its client.
 */
export function createGraphCache<A extends { id: string; version: number }>(
  build: (model: BaseChatModel, agent: A) => AgentGraph,
) {
  const byModel = new WeakMap<BaseChatModel, Map<string, { version: number; graph: AgentGraph }>>();
  return (model: BaseChatModel, agent: A): AgentGraph => {
    let graphs = byModel.get(model);
    if (!graphs) {
      graphs = new Map();
      byModel.set(model, graphs);
    }
    const hit = graphs.get(agent.id);
    if (hit?.version === agent.version) return hit.graph;
    const graph = build(model, agent);
    graphs.set(agent.id, { version: agent.version, graph });
    return graph;
  };
}
