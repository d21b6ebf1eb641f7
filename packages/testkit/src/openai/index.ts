export {
  messageText,
  type OpenAIMessageWire,
  type OpenAIToolCallWire,
  type OpenAIToolWire,
} from './chatCompletionPayloads.ts';
export * from './fakeOpenAI.ts';
export * from './fakeOpenAIAudio.ts';
export * from './imageContentParts.ts';
