// Self-test of provider.mjs and browser.mjs: node --test tests/oidc/selftest.mjs
// Everything runs on 127.0.0.1, every wait has a time-out, and every provider started here is
// killed at the end (the provider also exits by itself after --max-seconds).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRemoteJWKSet, jwtVerify, decodeProtectedHeader } from 'jose';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROVIDER = join(HERE, 'provider.mjs');
const BROWSER = join(HERE, 'browser.mjs');
const CLIENT_ID = 'tokenward-test';
const CLIENT_SECRET = 'tokenward-test-secret';
const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';
const FULL_SCOPE = `openid email ${GMAIL_SEND}`;
const TEST_TIMEOUT = 30_000;
const FETCH_TIMEOUT = 10_000;

const started = new Set();

// Starts provider.mjs and resolves with its ready line (time-out 15 s).
function startProvider({ args = [], env = {} } = {}) {
  const child = spawn(process.execPath, [PROVIDER, '--max-seconds', '180', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  started.add(child);
  child.on('exit', () => started.delete(child));
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`provider not ready in 15 s; stderr: ${stderr}`)); }, 15_000);
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl !== -1) {
        clearTimeout(timer);
        try {
          resolve({ child, ready: JSON.parse(out.slice(0, nl)), stderr: () => stderr, stdout: () => out });
        } catch (err) {
          reject(new Error(`bad ready line ${JSON.stringify(out)}: ${err.message}`));
        }
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`provider exited (${code}) before ready; stderr: ${stderr}`)); });
  });
}

function stopProvider(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(hard); resolve(); });
    child.kill('SIGTERM');
  });
}

// A tiny loopback listener standing in for tokenward's redirect receiver.
async function startListener() {
  const hits = [];
  let notify;
  const first = new Promise((resolve) => { notify = resolve; });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    hits.push(url);
    notify(url);
    const ok = url.searchParams.has('code');
    res.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end(ok ? 'Signed in. You can close this window.' : `Sign-in failed: ${url.searchParams.get('error')}`);
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address();
  return {
    port,
    redirectUri: `http://127.0.0.1:${port}/`,
    hits,
    first,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

function pkcePair() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authUrl(discovery, params) {
  const u = new URL(discovery.authorization_endpoint);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}

function runBrowser(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [BROWSER, '--quiet', ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      let json;
      try { json = stdout.trim() ? JSON.parse(stdout.trim().split('\n').pop()) : undefined; } catch { json = undefined; }
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr, json });
    });
  });
}

async function fetchJson(url, init = {}) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT) });
  const text = await res.text();
  let body;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: res.status, body, headers: res.headers };
}

async function tokenRequest(discovery, form, { basic = false } = {}) {
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(form);
  if (basic) {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64')}`;
  } else {
    body.set('client_id', CLIENT_ID);
    body.set('client_secret', CLIENT_SECRET);
  }
  return fetchJson(discovery.token_endpoint, { method: 'POST', headers, body: body.toString() });
}

// Runs the whole sign-in as `login` and exchanges the code. Returns everything for checks.
async function signIn(discovery, { login = 'alice', scope = FULL_SCOPE, basic = false } = {}) {
  const listener = await startListener();
  try {
    const { verifier, challenge } = pkcePair();
    const state = crypto.randomBytes(16).toString('base64url');
    const nonce = crypto.randomBytes(16).toString('base64url');
    const url = authUrl(discovery, {
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: listener.redirectUri,
      scope,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const browser = await runBrowser(['--url', url, '--login', login]);
    assert.equal(browser.code, 0, `browser failed: ${browser.stderr}`);
    assert.equal(browser.json.delivered_status, 200);
    assert.match(browser.json.body, /Signed in/);
    assert.equal(listener.hits.length, 1);
    const cb = listener.hits[0];
    assert.equal(cb.searchParams.get('state'), state);
    assert.equal(cb.searchParams.get('iss'), discovery.issuer);
    const code = cb.searchParams.get('code');
    assert.ok(code);
    const token = await tokenRequest(discovery, {
      grant_type: 'authorization_code', code, redirect_uri: listener.redirectUri, code_verifier: verifier,
    }, { basic });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    return { token: token.body, nonce, state, listener, code, verifier };
  } finally {
    await listener.close();
  }
}

function mailRaw({ from, to, subject, body, extraHeaders = '' }) {
  const lines = [];
  if (from) lines.push(`From: ${from}`);
  if (to) lines.push(`To: ${to}`);
  lines.push(`Subject: ${subject}`);
  lines.push('MIME-Version: 1.0');
  lines.push('Content-Type: text/plain; charset=utf-8');
  lines.push('Content-Transfer-Encoding: 8bit');
  if (extraHeaders) lines.push(extraHeaders);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8').toString('base64url');
}

async function gmailSend(ready, accessToken, raw, userId = 'me') {
  const headers = { 'content-type': 'application/json' };
  if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
  return fetchJson(`${ready.gmail_base}/v1/users/${userId}/messages/send`, {
    method: 'POST', headers, body: JSON.stringify(raw === undefined ? {} : { raw }),
  });
}

after(async () => {
  await Promise.all([...started].map(stopProvider));
});

describe('provider.mjs + browser.mjs', () => {
  let p;
  let discovery;
  let tokens; // alice, full scope

  before(async () => {
    p = await startProvider();
    const d = await fetchJson(`${p.ready.issuer}/.well-known/openid-configuration`);
    assert.equal(d.status, 200);
    discovery = d.body;
  });

  after(async () => {
    await stopProvider(p?.child);
  });

  test('ready line and discovery', { timeout: TEST_TIMEOUT }, () => {
    const { ready } = p;
    assert.deepEqual(Object.keys(ready), ['issuer', 'port', 'gmail_base']);
    assert.equal(ready.issuer, `http://127.0.0.1:${ready.port}`);
    assert.equal(ready.gmail_base, `http://127.0.0.1:${ready.port}/gmail`);
    assert.equal(p.stdout().trim().split('\n').length, 1, 'exactly one line on stdout');
    assert.equal(discovery.issuer, ready.issuer);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(discovery.id_token_signing_alg_values_supported, ['RS256']);
    for (const s of ['openid', 'email', GMAIL_SEND]) assert.ok(discovery.scopes_supported.includes(s), s);
    for (const e of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri']) {
      assert.ok(discovery[e].startsWith(`${ready.issuer}/`), e);
    }
  });

  test('authorization code + PKCE, ID token claims and signature', { timeout: TEST_TIMEOUT }, async () => {
    const r = await signIn(discovery);
    tokens = r.token;
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.expires_in, 600);
    assert.deepEqual(tokens.scope.split(' ').sort(), FULL_SCOPE.split(' ').sort());
    assert.equal(tokens.refresh_token, undefined);

    assert.equal(decodeProtectedHeader(tokens.id_token).alg, 'RS256');
    const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: FETCH_TIMEOUT });
    const { payload } = await jwtVerify(tokens.id_token, jwks, {
      issuer: discovery.issuer, audience: CLIENT_ID, algorithms: ['RS256'],
    });
    assert.equal(payload.nonce, r.nonce);
    assert.equal(payload.sub, 'alice');
    assert.equal(payload.email, 'alice@example.test');
    assert.equal(payload.email_verified, true);
    assert.equal(payload.exp - payload.iat, 600);

    // Tampering with the signed payload must break the signature.
    const [h, , s] = tokens.id_token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, email: 'mallory@example.test' })).toString('base64url');
    await assert.rejects(jwtVerify(`${h}.${forged}.${s}`, jwks, { issuer: discovery.issuer, audience: CLIENT_ID }));

    // The same access token works at userinfo, like Google's.
    const ui = await fetchJson(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(ui.status, 200);
    assert.equal(ui.body.email, 'alice@example.test');
  });

  test('a replayed code is refused and revokes what it issued', { timeout: TEST_TIMEOUT }, async () => {
    const r = await signIn(discovery, { login: 'bob' });
    const again = await tokenRequest(discovery, {
      grant_type: 'authorization_code', code: r.code, redirect_uri: r.listener.redirectUri, code_verifier: r.verifier,
    });
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');
    const ui = await fetchJson(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${r.token.access_token}` } });
    assert.equal(ui.status, 401);
    const sent = await gmailSend(p.ready, r.token.access_token, mailRaw({ to: 'bob@example.test', subject: 's', body: 'b' }));
    assert.equal(sent.status, 401);
  });

  test('client_secret_basic is accepted too', { timeout: TEST_TIMEOUT }, async () => {
    const r = await signIn(discovery, { login: 'bob', basic: true });
    const { payload } = await jwtVerify(r.token.id_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer, audience: CLIENT_ID,
    });
    assert.equal(payload.email, 'bob@example.test');
    assert.equal(payload.email_verified, true);
  });

  test('Gmail send with the access token, read back through _test/messages', { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(tokens, 'needs the sign-in test');
    await fetchJson(`${p.ready.gmail_base}/_test/messages`, { method: 'DELETE' });
    const raw = mailRaw({
      from: 'Alice <alice@example.test>',
      to: 'alice@example.test',
      subject: `=?UTF-8?B?${Buffer.from('Clave de recuperación').toString('base64')}?=`,
      body: 'Your recovery key: ABCD-EFGH-1234\r\nÑandú\r\n',
    });
    const sent = await gmailSend(p.ready, tokens.access_token, raw);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.ok(sent.body.id);
    assert.ok(sent.body.threadId);
    assert.deepEqual(sent.body.labelIds, ['SENT']);

    const list = await fetchJson(`${p.ready.gmail_base}/_test/messages`);
    assert.equal(list.status, 200);
    assert.equal(list.body.length, 1);
    const [m] = list.body;
    assert.equal(m.id, sent.body.id);
    assert.equal(m.to, 'alice@example.test');
    assert.equal(m.from, 'alice@example.test');
    assert.equal(m.subject, 'Clave de recuperación');
    assert.equal(m.body, 'Your recovery key: ABCD-EFGH-1234\r\nÑandú\r\n');
    assert.equal(m.raw, raw);

    // quoted-printable and base64 bodies are decoded
    const qp = Buffer.from('From: alice@example.test\r\nTo: alice@example.test\r\nSubject: qp\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nkey=3DXYZ =C3=B1 soft=\r\nbreak\r\n').toString('base64url');
    assert.equal((await gmailSend(p.ready, tokens.access_token, qp)).status, 200);
    const b64 = Buffer.from(`To: alice@example.test\r\nSubject: b64\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('ключ 42\r\n').toString('base64')}\r\n`).toString('base64url');
    assert.equal((await gmailSend(p.ready, tokens.access_token, b64, 'alice@example.test')).status, 200);
    const multipart = Buffer.from([
      'From: "Alice A." <alice@example.test>', 'To: Alice <alice@example.test>', 'Subject: multi',
      'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1=_x"', '',
      'preamble', '--b1=_x', 'Content-Type: text/html; charset=utf-8', '', '<p>html</p>',
      '--b1=_x', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
      Buffer.from('plain part ✓\r\n').toString('base64'), '--b1=_x--', '',
    ].join('\r\n')).toString('base64url');
    assert.equal((await gmailSend(p.ready, tokens.access_token, multipart)).status, 200);
    const all = (await fetchJson(`${p.ready.gmail_base}/_test/messages`)).body;
    assert.equal(all[3].body, 'plain part ✓\r\n');
    assert.equal(all[3].to, 'alice@example.test');
    assert.equal(all[3].from, 'alice@example.test');
    assert.equal(all[1].body, 'key=XYZ ñ softbreak\r\n');
    assert.equal(all[2].body, 'ключ 42\r\n');
    assert.equal(all[2].from, 'alice@example.test', 'a missing From is the signed-in user');
  });

  test('Gmail rejects bad credentials, missing scope, bad raw and foreign addresses', { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(tokens, 'needs the sign-in test');
    const good = mailRaw({ from: 'alice@example.test', to: 'alice@example.test', subject: 's', body: 'b' });

    const none = await gmailSend(p.ready, undefined, good);
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 401);
    assert.equal(none.body.error.status, 'UNAUTHENTICATED');

    const bad = await gmailSend(p.ready, 'not-a-real-token', good);
    assert.equal(bad.status, 401);
    assert.equal(bad.body.error.status, 'UNAUTHENTICATED');
    assert.match(bad.headers.get('www-authenticate'), /invalid_token/);

    const idTokenAsBearer = await gmailSend(p.ready, tokens.id_token, good);
    assert.equal(idTokenAsBearer.status, 401);

    const noScope = await signIn(discovery, { login: 'bob', scope: 'openid email' });
    assert.equal(noScope.token.scope.includes(GMAIL_SEND), false);
    const forbidden = await gmailSend(p.ready, noScope.token.access_token, mailRaw({ to: 'bob@example.test', subject: 's', body: 'b' }));
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.error.status, 'PERMISSION_DENIED');

    for (const [raw, why] of [
      [undefined, 'missing raw'],
      ['', 'empty raw'],
      [Buffer.from('To: alice@example.test\r\n\r\nhi').toString('base64').replace(/=+$/, '') + '+/', 'standard base64 alphabet'],
      [Buffer.from('this is not a mail message\r\n\r\nbody').toString('base64url'), 'no headers'],
      [mailRaw({ from: 'alice@example.test', subject: 's', body: 'b' }), 'no recipient'],
      [mailRaw({ from: 'bob@example.test', to: 'alice@example.test', subject: 's', body: 'b' }), 'From is someone else'],
      [mailRaw({ from: 'alice@example.test', to: 'mallory@example.test', subject: 's', body: 'b' }), 'To is someone else'],
    ]) {
      const r = await gmailSend(p.ready, tokens.access_token, raw);
      assert.equal(r.status, 400, `${why}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 400, why);
      assert.equal(r.body.error.status, 'INVALID_ARGUMENT', why);
    }

    const otherUser = await gmailSend(p.ready, tokens.access_token, good, 'bob@example.test');
    assert.equal(otherUser.status, 403);
  });

  test('fail-next makes the next send fail once', { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(tokens, 'needs the sign-in test');
    const armed = await fetchJson(`${p.ready.gmail_base}/_test/fail-next`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 500 }),
    });
    assert.equal(armed.status, 200);
    const before = (await fetchJson(`${p.ready.gmail_base}/_test/messages`)).body.length;
    const raw = mailRaw({ from: 'alice@example.test', to: 'alice@example.test', subject: 'retry', body: 'x' });
    const failed = await gmailSend(p.ready, tokens.access_token, raw);
    assert.equal(failed.status, 500);
    assert.equal(failed.body.error.status, 'INTERNAL');
    const ok = await gmailSend(p.ready, tokens.access_token, raw);
    assert.equal(ok.status, 200);
    assert.equal((await fetchJson(`${p.ready.gmail_base}/_test/messages`)).body.length, before + 1);
  });

  test('denied consent redirects with error=access_denied and the state', { timeout: TEST_TIMEOUT }, async () => {
    const listener = await startListener();
    try {
      const { challenge } = pkcePair();
      const url = authUrl(discovery, {
        client_id: CLIENT_ID, response_type: 'code', redirect_uri: listener.redirectUri, scope: FULL_SCOPE,
        state: 'deny-state', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256',
      });
      const b = await runBrowser(['--url', url, '--login', 'alice', '--consent', 'no']);
      assert.equal(b.code, 0, b.stderr);
      assert.equal(b.json.delivered_status, 400);
      const cb = listener.hits[0];
      assert.equal(cb.searchParams.get('error'), 'access_denied');
      assert.equal(cb.searchParams.get('state'), 'deny-state');
      assert.equal(cb.searchParams.has('code'), false);
    } finally {
      await listener.close();
    }
  });

  test('eve signs in but her email is not verified', { timeout: TEST_TIMEOUT }, async () => {
    const r = await signIn(discovery, { login: 'eve' });
    const { payload } = await jwtVerify(r.token.id_token, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer: discovery.issuer, audience: CLIENT_ID,
    });
    assert.equal(payload.email, 'eve@example.test');
    assert.equal(payload.email_verified, false);
    assert.equal(payload.nonce, r.nonce);
  });

  test('--tamper-state and --no-deliver', { timeout: TEST_TIMEOUT }, async () => {
    const listener = await startListener();
    try {
      const { challenge } = pkcePair();
      const params = {
        client_id: CLIENT_ID, response_type: 'code', redirect_uri: listener.redirectUri, scope: FULL_SCOPE,
        state: 'original-state', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256',
      };
      const t = await runBrowser(['--url', authUrl(discovery, params), '--login', 'bob', '--tamper-state']);
      assert.equal(t.code, 0, t.stderr);
      assert.equal(new URL(t.json.redirect).searchParams.get('state'), 'original-state');
      const got = listener.hits[0].searchParams.get('state');
      assert.ok(got && got !== 'original-state', `tampered state delivered: ${got}`);

      const n = await runBrowser(['--url', authUrl(discovery, params), '--login', 'bob', '--no-deliver']);
      assert.equal(n.code, 0, n.stderr);
      assert.equal(n.json.delivered_status, null);
      assert.ok(new URL(n.json.redirect).searchParams.get('code'));
      assert.equal(listener.hits.length, 1, 'nothing delivered');
    } finally {
      await listener.close();
    }
  });

  test('PKCE is required and checked; redirect path must be exactly /', { timeout: TEST_TIMEOUT }, async () => {
    const listener = await startListener();
    try {
      const base = {
        client_id: CLIENT_ID, response_type: 'code', redirect_uri: listener.redirectUri, scope: FULL_SCOPE, state: 's', nonce: 'n',
      };
      // no code_challenge: the provider redirects back with invalid_request
      const noPkce = await runBrowser(['--url', authUrl(discovery, base), '--login', 'alice', '--no-deliver']);
      assert.equal(noPkce.code, 0, noPkce.stderr);
      assert.equal(new URL(noPkce.json.redirect).searchParams.get('error'), 'invalid_request');

      // plain is not supported
      const plain = await runBrowser(['--url', authUrl(discovery, { ...base, code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }), '--login', 'alice', '--no-deliver']);
      assert.equal(new URL(plain.json.redirect).searchParams.get('error'), 'invalid_request');

      // wrong code_verifier at the token endpoint
      const { challenge } = pkcePair();
      const ok = await runBrowser(['--url', authUrl(discovery, { ...base, code_challenge: challenge, code_challenge_method: 'S256' }), '--login', 'alice', '--no-deliver']);
      const code = new URL(ok.json.redirect).searchParams.get('code');
      const wrong = await tokenRequest(discovery, {
        grant_type: 'authorization_code', code, redirect_uri: listener.redirectUri, code_verifier: pkcePair().verifier,
      });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error, 'invalid_grant');

      // other paths, a missing trailing slash and other hosts are refused (error page, no redirect)
      for (const redirect of [`http://127.0.0.1:${listener.port}/callback`, `http://127.0.0.1:${listener.port}`, `http://localhost:${listener.port}/`]) {
        const r = await runBrowser(['--url', authUrl(discovery, { ...base, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256' }), '--login', 'alice']);
        assert.notEqual(r.code, 0, redirect);
        assert.match(r.stderr, /redirect_uri/, redirect);
      }
      assert.equal(listener.hits.length, 0);
    } finally {
      await listener.close();
    }
  });

  test('unknown login is refused with a clear message', { timeout: TEST_TIMEOUT }, async () => {
    const { challenge } = pkcePair();
    const url = authUrl(discovery, {
      client_id: CLIENT_ID, response_type: 'code', redirect_uri: 'http://127.0.0.1:9/', scope: FULL_SCOPE,
      state: 's', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256',
    });
    const r = await runBrowser(['--url', url, '--login', 'mallory']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /did not accept the sign-in as "mallory"/);
  });

  test('the browser reports an unreachable listener with exit code 3', { timeout: TEST_TIMEOUT }, async () => {
    const listener = await startListener();
    const redirectUri = listener.redirectUri;
    await listener.close(); // nothing listens there any more
    const { challenge } = pkcePair();
    const url = authUrl(discovery, {
      client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirectUri, scope: FULL_SCOPE,
      state: 's', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256',
    });
    const r = await runBrowser(['--url', url, '--login', 'alice']);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.json.delivered_status, null);
    assert.ok(r.json.delivery_error);
  });
});

describe('provider options', () => {
  test('OIDC_ID_TOKEN_TTL sets the ID token lifetime', { timeout: TEST_TIMEOUT }, async () => {
    const p = await startProvider({ env: { OIDC_ID_TOKEN_TTL: '5' } });
    try {
      const discovery = (await fetchJson(`${p.ready.issuer}/.well-known/openid-configuration`)).body;
      const r = await signIn(discovery, { login: 'alice' });
      const claims = JSON.parse(Buffer.from(r.token.id_token.split('.')[1], 'base64url'));
      assert.equal(claims.exp - claims.iat, 5);
      assert.equal(r.token.expires_in, 600);
    } finally {
      await stopProvider(p.child);
    }
  });

  test('--port and --max-seconds', { timeout: TEST_TIMEOUT }, async () => {
    const probe = http.createServer();
    await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
    const p = await startProvider({ args: ['--port', String(port), '--max-seconds', '1'] });
    assert.equal(p.ready.port, port);
    const t0 = Date.now();
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve('still running'), 10_000);
      p.child.once('exit', (c) => { clearTimeout(timer); resolve(c); });
    });
    assert.equal(code, 0);
    assert.ok(Date.now() - t0 < 5_000);
    assert.match(p.stderr(), /--max-seconds 1 reached/);
  });

  test('bad arguments exit 2', { timeout: TEST_TIMEOUT }, async () => {
    const r = await new Promise((resolve) => {
      execFile(process.execPath, [PROVIDER, '--port', 'abc'], { timeout: 10_000 }, (err, stdout, stderr) => resolve({ code: err?.code ?? 0, stdout, stderr }));
    });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
  });
});
