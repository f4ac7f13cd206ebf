// The tests' fake OpenAI-compatible model on a port of its own, for `LLM_BASE_URL=… npm run bench:chat`.
// Usage: node --import tsx bench/fake-llm.ts [port]   (prints its base URL; answers without pauses)
import { conciergeModel } from '../src/modules/llm/testing/concierge-model';
import { startFakeLlm } from '../src/modules/llm/testing/fake-llm';

const fake = await startFakeLlm(conciergeModel, { chunkMs: 0, port: Number(process.argv[2] ?? 0) });
console.log(fake.url);
