'use strict';
// Drives the chat emulator's osu! side with the third-party client osu-api-v2-js 2.1.5 (reference Appendix A):
// authorization_code from /oauth/authorize, keepalive, channel list, join, the notification websocket
// (connection.ready, chat.start, chat.message.new), send, history, mark-as-read, PM, refresh (rotation), leave,
// and revocation (logout over the socket). Needs Node 20 with --experimental-websocket (or Node 22+).
//
// Prints JSON lines on stdout: {"step":"listening"} once chat.start is sent (the Java side then posts a message
// from another user), and a final {"step":"result","ok":...,"checks":{...},"failures":[...]}.
//
// Usage: node --experimental-websocket osu-fidelity.js --base-url URL --client-id ID --client-secret S
//          --notification-url WS --channel ID --bot-id ID --pm-target ID --expect-text TEXT

async function main() {
  const osu = await import('osu-api-v2-js');

  function option(flag) {
    const i = process.argv.indexOf(flag);
    if (i < 0 || i + 1 >= process.argv.length) {
      throw new Error(`missing ${flag}`);
    }
    return process.argv[i + 1];
  }

  const config = {
    baseUrl: option('--base-url'),
    clientId: Number(option('--client-id')),
    clientSecret: option('--client-secret'),
    notificationUrl: option('--notification-url'),
    channelId: Number(option('--channel')),
    botId: Number(option('--bot-id')),
    pmTarget: Number(option('--pm-target')),
    expectText: option('--expect-text'),
  };
  const WAIT_MS = 10000;
  const checks = {};
  const failures = [];
  const frames = [];
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

  function record(frame) {
    frames.push(frame);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i](frame)) {
        waiters.splice(i, 1);
      }
    }
  }

  function waitForFrame(description, predicate) {
    const seen = frames.find(predicate);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${description}`)), WAIT_MS);
      waiters.push(frame => {
        if (predicate(frame)) {
          clearTimeout(timer);
          resolve(frame);
          return true;
        }
        return false;
      });
    });
  }

  const messagesOf = frame => (frame.event === 'chat.message.new' ? frame.data.messages : []);

  async function run() {
    // 1. Authorization code: the emulator signs in as the bot and redirects at once.
    const redirectUri = 'http://127.0.0.1/callback';
    const scopes = ['chat.read', 'chat.write', 'chat.write_manage', 'identify'];
    const authorizeUrl = osu.generateAuthorizationURL(config.clientId, encodeURIComponent(redirectUri), scopes,
      config.baseUrl) + '&state=fidelity';
    const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
    const location = new URL(authorize.headers.get('location'));
    check('authorizeRedirects', authorize.status === 302 && location.searchParams.get('state') === 'fidelity',
      { status: authorize.status, location: String(location) });
    const code = location.searchParams.get('code');

    const api = await osu.API.createAsync(config.clientId, config.clientSecret,
      { code, redirect_uri: redirectUri }, { server: config.baseUrl, retry_delay: 0.2 });
    check('tokenDecodedAsJwt', api.user === config.botId && api.scopes.includes('chat.read'),
      { user: api.user, scopes: api.scopes });
    check('refreshTokenReceived', typeof api.refresh_token === 'string' && api.refresh_token.length > 0);

    // 2. Keepalive, channel list, join.
    const silences = await api.keepChatAlive();
    check('keepaliveSilences', Array.isArray(silences) && silences.length === 0, silences);
    const channels = await api.getChatChannels();
    check('channelListed', channels.some(c => c.channel_id === config.channelId && c.type === 'PUBLIC'), channels);
    const joined = await api.joinChatChannel(config.channelId);
    check('joinReturnsListing', joined.channel_id === config.channelId && joined.current_user_attributes
      && joined.current_user_attributes.can_message === true, joined);
    await api.keepChatAlive({ message: 0 }); // activity for the channel now that we are in it

    // 3. The notification websocket through the library's helper.
    const socket = api.generateChatWebsocket(undefined, config.notificationUrl);
    const socketClosed = new Promise(resolve => socket.addEventListener('close', e => resolve(e.code)));
    socket.addEventListener('message', event => {
      try {
        record(JSON.parse(event.data));
      } catch (err) {
        failures.push(`non-JSON frame: ${event.data}`);
      }
    });
    await waitForFrame('connection.ready', f => f.event === 'connection.ready');
    check('connectionReady', true);
    socket.send(osu.Chat.Websocket.Command.chatStart);
    emit({ step: 'listening' });

    const posted = await waitForFrame('the message posted by the Java side',
      f => messagesOf(f).some(m => m.content === config.expectText));
    const postedMessage = messagesOf(posted).find(m => m.content === config.expectText);
    check('chatMessageNewShape', posted.socket === null && posted.data.socket === null
      && !('sender' in postedMessage) && posted.data.users.some(u => u.id === postedMessage.sender_id), posted);

    // 4. Send, receive our own echo, read history, mark as read.
    const sent = await api.sendChatMessage(config.channelId, 'hello from osu-api-v2-js');
    check('sendReturnsMessage', sent.content === 'hello from osu-api-v2-js' && sent.sender_id === config.botId
      && sent.sender && sent.sender.id === config.botId, sent);
    await waitForFrame('the echo of our own message',
      f => messagesOf(f).some(m => m.message_id === sent.message_id));
    check('ownMessageEchoed', true);
    const history = await api.getChatMessages(config.channelId);
    const ids = history.map(m => m.message_id);
    check('historyAscendingWithSender', ids.includes(postedMessage.message_id) && ids.includes(sent.message_id)
      && ids.every((id, i) => i === 0 || ids[i - 1] < id) && history.every(m => m.sender && m.sender.username),
    ids);
    const since = await api.getChatMessages(config.channelId, 20, postedMessage.message_id);
    check('historySince', since.length === 1 && since[0].message_id === sent.message_id, since);
    await api.markChatChannelAsRead(config.channelId, sent.message_id);
    const channel = await api.getChatChannel(config.channelId);
    check('markedAsRead', channel.current_user_attributes.last_read_id === sent.message_id, channel);

    // 5. A PM with a uuid: it comes back over the socket with that uuid.
    const pm = await api.sendChatPrivateMessage(config.pmTarget, 'pm from node', false, 'fidelity-uuid');
    check('pmSent', pm.channel.type === 'PM' && pm.message.uuid === 'fidelity-uuid', pm);
    await waitForFrame('the PM echo', f => messagesOf(f).some(m => m.uuid === 'fidelity-uuid'));
    check('pmEchoWithUuid', true);

    // 6. Refresh (the refresh token rotates), then leave.
    const oldRefresh = api.refresh_token;
    const refreshed = await api.refreshToken();
    check('refreshRotates', refreshed && api.refresh_token !== oldRefresh, { refreshed });
    const left = await api.leaveChatChannel(config.channelId);
    check('leaveNoContent', left === undefined, left);
    await waitForFrame('chat.channel.part', f => f.event === 'chat.channel.part');

    // 7. A second socket with the refreshed token; revoking that token logs it out (close without status).
    //    The first socket keeps its connection: an open socket is not re-checked.
    const second = api.generateChatWebsocket(undefined, config.notificationUrl);
    const secondFrames = [];
    const secondReady = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('second socket: no connection.ready')), WAIT_MS);
      second.addEventListener('message', event => {
        const frame = JSON.parse(event.data);
        secondFrames.push(frame);
        if (frame.event === 'connection.ready') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const secondClosed = new Promise(resolve => second.addEventListener('close', e => resolve(e.code)));
    await secondReady;
    await api.revokeToken();
    const closeCode = await secondClosed;
    check('logoutThenClose', closeCode === 1005 && secondFrames.some(f => f.event === 'logout'),
      { closeCode, secondFrames });
    check('firstSocketStillOpen', socket.readyState === 1, socket.readyState);
    socket.close();
    await socketClosed;
  }

  const guard = setTimeout(() => {
    failures.push('overall timeout');
    finish();
  }, 40000);

  function finish() {
    clearTimeout(guard);
    emit({ step: 'result', ok: failures.length === 0, checks, failures });
    process.exit(failures.length === 0 ? 0 : 1);
  }

  run().then(finish, err => {
    failures.push(`error: ${err && err.stack ? err.stack : JSON.stringify(err)}`);
    finish();
  });
}

main().catch(err => {
  process.stdout.write(JSON.stringify({ step: 'result', ok: false, checks: {}, failures: [String(err && err.stack)] })
    + '\n');
  process.exit(1);
});
