import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessage } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { END, START, StateGraph } from '@langchain/langgraph';
import { ToolNode } from '@langchain/langgraph/prebuilt';
import { AgentState, type AgentStateType } from './state.ts';

/** Nodes and edges only: call the model; run the tools it asked for; stop when it answers or hands off. */
export function buildAgentGraph(opts: {
  model: BaseChatModel;
  tools: StructuredToolInterface[];
  checkpointer: BaseCheckpointSaver;
  /** True once a tool handed the conversation to a human: the graph ends without another model call. */
  stopped: () => boolean;
}) {
  const bound = opts.model.bindTools!(opts.tools);

  async function callModel(state: AgentStateType) {
    return { messages: [await bound.invoke(state.messages)] };
  }

  function next(state: AgentStateType): 'tools' | typeof END {
    const last = state.messages.at(-1) as AIMessage;
    return last?.tool_calls?.length ? 'tools' : END;
  }

  const graph = new StateGraph(AgentState)
    .addNode('agent', callModel)
    .addNode('tools', new ToolNode(opts.tools))
    .addEdge(START, 'agent')
    .addConditionalEdges('agent', next, ['tools', END])
    .addConditionalEdges('tools', () => (opts.stopped() ? END : 'agent'), ['agent', END])
    .compile({ checkpointer: opts.checkpointer });
  // Each step is saved before the next starts, so a run a crash cuts short resumes without running again
  // the tools that ran (with "async", the next model call could start before their results were saved).
  return graph.withConfig({ durability: 'sync' });
}
