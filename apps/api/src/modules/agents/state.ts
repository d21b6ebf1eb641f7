import { Annotation, MessagesAnnotation } from '@langchain/langgraph';

/** The graph's state: the conversation as model messages (history window + this turn). */
export const AgentState = Annotation.Root({
  ...MessagesAnnotation.spec,
});

export type AgentStateType = typeof AgentState.State;
