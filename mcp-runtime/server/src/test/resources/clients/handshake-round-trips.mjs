// Drives a Toolsmith server with the official TypeScript SDK v2 client in the handshake era:
// an elicitation, a sampling round trip and a cancellation. Prints one JSON line of results.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const url = new URL(process.argv[2]);
const client = new Client(
  { name: 'toolsmith-ts-test', version: '1.0.0' },
  {
    capabilities: { elicitation: { form: {} }, sampling: {}, roots: {} },
    versionNegotiation: { mode: 'legacy' },
  },
);
client.setRequestHandler('elicitation/create', async (request) => ({
  action: 'accept',
  content: { name: 'TypeScript' },
}));
client.setRequestHandler('sampling/createMessage', async (request) => ({
  role: 'assistant',
  content: { type: 'text', text: 'sampled: ' + request.params.messages[0].content.text },
  model: 'test-model',
}));
client.setRequestHandler('roots/list', async () => ({ roots: [{ uri: 'file:///work', name: 'work' }] }));
await client.connect(new StreamableHTTPClientTransport(url));

const results = { protocol: client.getNegotiatedProtocolVersion?.() ?? null };
const greet = await client.callTool({ name: 'greet', arguments: {} });
results.greet = greet.content[0].text;
const everything = await client.callTool({ name: 'everything', arguments: {} });
results.everything = everything.content[0].text;

const abort = new AbortController();
let progressSeen = 0;
try {
  await client.callTool(
    { name: 'until_cancelled', arguments: {} },
    {
      signal: abort.signal,
      onprogress: () => {
        progressSeen++;
        if (progressSeen === 2) abort.abort('user hit stop');
      },
    },
  );
  results.cancel = 'completed';
} catch (error) {
  results.cancel = 'aborted';
}
results.progressSeen = progressSeen;
await client.close();
console.log(JSON.stringify(results));
