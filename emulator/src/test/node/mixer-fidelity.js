'use strict';
// Drives the chat emulator with the official Mixer Node client (@mixer/client-node 3.5.0 +
// @mixer/chat-client-websocket 1.2.0 on ws 8), the way reference §2.8 / Appendix A describe it.
// Prints JSON lines on stdout: {"step":"authed",...} once joined (the Java side then posts a ChatMessage and a
// UserJoin), and a final {"step":"result","ok":...,"checks":{...},"failures":[...]}. Exit code 0 = all checks passed.
//
// Usage: node mixer-fidelity.js --api-url URL --client-id ID --token TOKEN --channel ID
//                               --expect-text TEXT --expect-join USERNAME
// (or the env vars MIXER_API_URL, MIXER_CLIENT_ID, MIXER_TOKEN, MIXER_CHANNEL, EXPECT_TEXT, EXPECT_JOIN)

const ws = require('ws');
const { Client, DefaultRequestRunner, OAuthProvider, ChatService } = require('@mixer/client-node');
const { Socket } = require('@mixer/chat-client-websocket');

function option(flag, envName) {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? process.argv[i + 1] : process.env[envName];
  if (value === undefined) {
    throw new Error(`missing ${flag} (or ${envName})`);
  }
  return value;
}

const config = {
  apiUrl: option('--api-url', 'MIXER_API_URL'),
  clientId: option('--client-id', 'MIXER_CLIENT_ID'),
  token: option('--token', 'MIXER_TOKEN'),
  channelId: Number(option('--channel', 'MIXER_CHANNEL')),
  expectText: option('--expect-text', 'EXPECT_TEXT'),
  expectJoin: option('--expect-join', 'EXPECT_JOIN'),
};

const WAIT_MS = 10000;
const checks = {};
const failures = [];
const socketErrors = [];
const received = []; // every event, in order: {event, data}
const waiters = [];

function emit(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

function check(name, condition, detail) {
  checks[name] = Boolean(condition);
  if (!condition) {
    failures.push(`${name}: ${detail === undefined ? 'failed' : JSON.stringify(detail)}`);
  }
}

function textOf(chatMessage) {
  return chatMessage.message.message.map(part => part.text).join('');
}

/** Resolves with the first event (past or future) matching the predicate, or rejects after WAIT_MS. */
function waitForEvent(description, predicate) {
  const seen = received.find(predicate);
  if (seen) {
    return Promise.resolve(seen);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${description}`)), WAIT_MS);
    waiters.push(e => {
      if (predicate(e)) {
        clearTimeout(timer);
        resolve(e);
        return true;
      }
      return false;
    });
  });
}

function record(event, data) {
  const entry = { event, data };
  received.push(entry);
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i](entry)) {
      waiters.splice(i, 1);
    }
  }
}

async function run() {
  const client = new Client(new DefaultRequestRunner());
  client.setUrl('api', config.apiUrl);
  client.use(new OAuthProvider(client, {
    clientId: config.clientId,
    tokens: { access: config.token, expires: Date.now() + 3600 * 1000 },
  }));

  const me = (await client.request('get', 'users/current')).body;
  check('usersCurrentHasId', typeof me.id === 'number', me);

  const chat = (await new ChatService(client).join(config.channelId)).body;
  check('chatsHasAuthkey', typeof chat.authkey === 'string' && chat.authkey.length > 0, chat);
  check('chatsHasEndpoints', Array.isArray(chat.endpoints) && chat.endpoints.length > 0, chat);
  check('chatsHasPermissions', Array.isArray(chat.permissions) && chat.permissions.includes('chat'), chat);

  const socket = new Socket(ws, chat.endpoints, { clientId: config.clientId });
  socket.on('error', err => socketErrors.push(String(err && (err.message || err))));
  for (const name of ['ChatMessage', 'UserJoin', 'UserLeave', 'WelcomeEvent']) {
    socket.on(name, data => record(name, data));
  }
  socket.boot();

  const auth = await socket.auth(config.channelId, me.id, chat.authkey);
  check('authenticated', auth && auth.authenticated === true && Array.isArray(auth.roles), auth);
  emit({ step: 'authed', userId: me.id, roles: auth && auth.roles });

  const posted = await waitForEvent('the ChatMessage posted by the Java side',
    e => e.event === 'ChatMessage' && textOf(e.data) === config.expectText);
  check('receivedChatMessage', posted.data.channel === config.channelId && typeof posted.data.id === 'string',
    posted.data);
  const joined = await waitForEvent('the UserJoin emitted by the Java side',
    e => e.event === 'UserJoin' && e.data.username === config.expectJoin);
  check('receivedUserJoin', joined.data.originatingChannel === config.channelId, joined.data);

  const reply = await socket.call('msg', ['hello from the official client :)']);
  check('msgReplyHasId', reply && typeof reply.id === 'string', reply);
  const echo = await waitForEvent('the ChatMessage event of our own msg',
    e => e.event === 'ChatMessage' && e.data.id === reply.id);
  check('msgEventSharesId', echo.data.user_id === me.id, echo.data);

  const whisper = await socket.call('whisper', [me.username, 'psst']);
  check('whisperReply', whisper && whisper.message.meta.whisper === true && whisper.target === me.username, whisper);
  await waitForEvent('the whisper event addressed to us', e => e.event === 'ChatMessage' && e.data.id === whisper.id);

  const history = await socket.call('history', [10]);
  const ids = Array.isArray(history) ? history.map(m => m.id) : [];
  check('historyHasMessagesInOrder',
    ids.indexOf(posted.data.id) >= 0 && ids.indexOf(posted.data.id) < ids.indexOf(reply.id), ids);

  const optOut = await socket.optOutEvents(['UserLeave']);
  check('optOutEventsReply', optOut !== null && typeof optOut === 'object', optOut);

  await socket.ping(); // a WS ping frame; rejects with TimeoutError if no pong arrives within 5 s
  check('pingFrameAnswered', true);

  let unknownError = null;
  try {
    await socket.call('noSuchMethod', []);
  } catch (err) {
    unknownError = err;
  }
  check('unknownMethodObjectError', unknownError && unknownError.code === 4004, unknownError);

  socket.close();
  check('noSocketErrors', socketErrors.length === 0, socketErrors);
}

const guard = setTimeout(() => {
  failures.push('overall timeout');
  finish();
}, 30000);

function finish() {
  clearTimeout(guard);
  emit({ step: 'result', ok: failures.length === 0, checks, failures });
  process.exit(failures.length === 0 ? 0 : 1);
}

run().then(finish, err => {
  failures.push(`error: ${err && err.stack ? err.stack : JSON.stringify(err)}`);
  finish();
});
