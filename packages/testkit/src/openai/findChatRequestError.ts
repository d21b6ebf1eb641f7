import type { OpenAIMessageWire } from './chatCompletionPayloads.ts';
import { findImageContentError } from './imageContentParts.ts';

export type ChatRequestError = { message: string; param: string | null; code: string | null };

/**
 * The 400s OpenAI gives for a malformed conversation, with its own wording (typo included), so an
 * agent that drops a ToolMessage or sends a stray one fails in tests as it would in production.
 */
export function findChatRequestError(body: Record<string, unknown>): ChatRequestError | undefined {
  if (typeof body.model !== 'string' || body.model === '') {
    return { message: 'you must provide a model parameter', param: null, code: null };
  }
  const { messages } = body;
  if (!Array.isArray(messages)) {
    return {
      message: "Missing required parameter: 'messages'.",
      param: 'messages',
      code: 'missing_required_parameter',
    };
  }
  if (messages.length === 0) {
    return {
      message:
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      param: 'messages',
      code: 'empty_array',
    };
  }
  return (
    findToolPairingError(messages as OpenAIMessageWire[]) ??
    findImageContentError(messages as OpenAIMessageWire[])
  );
}

function findToolPairingError(messages: OpenAIMessageWire[]): ChatRequestError | undefined {
  // Ids of the latest assistant tool_calls still waiting for their tool messages.
  let awaiting: { index: number; ids: Set<string> } | undefined;
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (!awaiting?.ids.has(message.tool_call_id ?? '')) {
        return {
          message:
            "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          param: `messages.[${index}].role`,
          code: null,
        };
      }
      awaiting.ids.delete(message.tool_call_id ?? '');
      continue;
    }
    if (awaiting && awaiting.ids.size > 0) return unansweredToolCalls(awaiting.index, awaiting.ids);
    awaiting =
      message.role === 'assistant' && message.tool_calls?.length
        ? { index, ids: new Set(message.tool_calls.map((call) => call.id)) }
        : undefined;
  }
  if (awaiting && awaiting.ids.size > 0) return unansweredToolCalls(awaiting.index, awaiting.ids);
  return undefined;
}

function unansweredToolCalls(index: number, ids: Set<string>): ChatRequestError {
  return {
    message: `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...ids].join(', ')}`,
    param: `messages.[${index}].role`,
    code: null,
  };
}
