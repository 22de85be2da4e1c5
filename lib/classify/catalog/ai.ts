/**
 * AI-assisted drafting: chat assistants and AI writing, image, voice and video generators.
 * (Perplexity is research: see research.ts.)
 */
import { tool, type CatalogTool } from './types';

export const AI_TOOLS: CatalogTool[] = [
  tool({ id: 'chatgpt', name: 'ChatGPT', kind: 'ai', hosts: ['chatgpt.com', 'chat.openai.com'] }),
  tool({ id: 'openai-platform', name: 'OpenAI Platform', kind: 'ai', hosts: ['platform.openai.com'] }),
  tool({ id: 'sora', name: 'Sora', kind: 'ai', hosts: ['sora.com', 'sora.chatgpt.com'] }),
  tool({ id: 'claude', name: 'Claude', kind: 'ai', hosts: ['claude.ai'] }),
  tool({
    id: 'anthropic-console',
    name: 'Anthropic Console',
    kind: 'ai',
    hosts: ['console.anthropic.com', 'platform.claude.com'],
  }),
  tool({ id: 'gemini', name: 'Gemini', kind: 'ai', hosts: ['gemini.google.com', 'bard.google.com'] }),
  tool({ id: 'google-ai-studio', name: 'Google AI Studio', kind: 'ai', hosts: ['aistudio.google.com'] }),
  tool({ id: 'notebooklm', name: 'NotebookLM', kind: 'ai', hosts: ['notebooklm.google.com'] }),
  tool({
    id: 'google-labs',
    name: 'Google Labs',
    kind: 'ai',
    hosts: ['labs.google'],
    note: 'Flow, Whisk and other generative experiments.',
  }),
  tool({
    id: 'microsoft-copilot',
    name: 'Microsoft Copilot',
    kind: 'ai',
    hosts: ['copilot.microsoft.com', 'copilot.cloud.microsoft'],
    paths: ['m365.cloud.microsoft/chat', 'microsoft365.com/chat', 'bing.com/chat'],
  }),
  tool({ id: 'mistral', name: 'Le Chat (Mistral)', kind: 'ai', hosts: ['chat.mistral.ai'] }),
  tool({ id: 'deepseek', name: 'DeepSeek', kind: 'ai', hosts: ['chat.deepseek.com'] }),
  tool({ id: 'grok', name: 'Grok', kind: 'ai', hosts: ['grok.com'] }),
  tool({ id: 'meta-ai', name: 'Meta AI', kind: 'ai', hosts: ['meta.ai'] }),
  tool({ id: 'poe', name: 'Poe', kind: 'ai', hosts: ['poe.com'] }),
  tool({ id: 'huggingchat', name: 'HuggingChat', kind: 'ai', paths: ['huggingface.co/chat'] }),
  tool({ id: 'you-com', name: 'You.com', kind: 'ai', hosts: ['you.com'] }),
  // Marketing writing assistants
  tool({ id: 'copy-ai', name: 'Copy.ai', kind: 'ai', hosts: ['app.copy.ai'] }),
  tool({ id: 'jasper', name: 'Jasper', kind: 'ai', hosts: ['app.jasper.ai'] }),
  tool({ id: 'writer', name: 'Writer', kind: 'ai', hosts: ['app.writer.com'] }),
  tool({ id: 'anyword', name: 'Anyword', kind: 'ai', hosts: ['app.anyword.com'] }),
  tool({ id: 'writesonic', name: 'Writesonic', kind: 'ai', hosts: ['app.writesonic.com'] }),
  tool({ id: 'rytr', name: 'Rytr', kind: 'ai', hosts: ['app.rytr.me'] }),
  tool({ id: 'hypotenuse', name: 'Hypotenuse AI', kind: 'ai', hosts: ['app.hypotenuse.ai'] }),
  // Image, voice and video generation
  tool({ id: 'midjourney', name: 'Midjourney', kind: 'ai', hosts: ['midjourney.com'] }),
  tool({ id: 'adobe-firefly', name: 'Adobe Firefly', kind: 'ai', hosts: ['firefly.adobe.com'] }),
  tool({ id: 'ideogram', name: 'Ideogram', kind: 'ai', hosts: ['ideogram.ai'] }),
  tool({ id: 'leonardo', name: 'Leonardo.Ai', kind: 'ai', hosts: ['app.leonardo.ai'] }),
  tool({ id: 'runway', name: 'Runway', kind: 'ai', hosts: ['app.runwayml.com'] }),
  tool({ id: 'elevenlabs', name: 'ElevenLabs', kind: 'ai', hosts: ['elevenlabs.io'] }),
  tool({ id: 'synthesia', name: 'Synthesia', kind: 'ai', hosts: ['app.synthesia.io'] }),
  tool({ id: 'heygen', name: 'HeyGen', kind: 'ai', hosts: ['app.heygen.com'] }),
];
