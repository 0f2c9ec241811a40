#!/usr/bin/env node
// Loopback OpenID Connect provider (the real `oidc-provider` package) plus a Gmail API
// stand-in, for tokenward's recovery tests. Listens on 127.0.0.1 only.
//
//   node provider.mjs [--port N] [--max-seconds S] [--id-token-ttl S] [--exit-on-stdin-eof]
//                     [--tamper-id-token forge|nonce] [--userinfo-only] [--tamper-userinfo sub]
//
// When listening it prints exactly one JSON line to stdout:
//   {"issuer":"http://127.0.0.1:PORT","port":PORT,"gmail_base":"http://127.0.0.1:PORT/gmail"}
// and nothing else ever goes to stdout (the provider's own notices are sent to stderr).
// See README.md for the endpoints, the client and the accounts.

import * as crypto from 'node:crypto';
import * as http from 'node:http';
import process from 'node:process';

// oidc-provider prints development notices with console.info (stdout). The ready line must be
// the only thing on stdout, so every console method except our own write goes to stderr.
console.log = console.info = console.debug = (...args) => console.error(...args);

const HOST = '127.0.0.1';
const CLIENT_ID = 'tokenward-test';
const CLIENT_SECRET = 'tokenward-test-secret';
const GMAIL_SEND_SCOPE = 'https://www.googleapis.com/auth/gmail.send';
const ACCESS_TOKEN_TTL = 600;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const ACCOUNTS = {
  alice: { email: 'alice@example.test', email_verified: true },
  bob: { email: 'bob@example.test', email_verified: true },
  eve: { email: 'eve@example.test', email_verified: false },
};

function usage(message) {
  const text = `usage: node provider.mjs [--port N] [--max-seconds S] [--id-token-ttl S] [--exit-on-stdin-eof] [--tamper-id-token forge|nonce] [--userinfo-only] [--tamper-userinfo sub]
  --port N             TCP port on 127.0.0.1 (default 0 = a random free port)
  --max-seconds S      exit by itself after S seconds (default 600; 0 is not allowed)
  --id-token-ttl S     ID token lifetime in seconds (default: $OIDC_ID_TOKEN_TTL, else 600)
  --exit-on-stdin-eof  also exit when stdin reaches end of file (the parent went away)
  --tamper-id-token forge|nonce
                       misbehave for tests: the token endpoint's ID token is signed with a key
                       not in the JWKS (forge), or carries another nonce, validly signed (nonce)
  --userinfo-only      follow OpenID Connect Core 5.4: when an access token is issued, email and
                       email_verified are left out of the ID token and given by the userinfo
                       endpoint only
  --tamper-userinfo sub
                       misbehave for tests: the userinfo endpoint answers with another subject`;
  if (message) {
    process.stderr.write(`provider.mjs: ${message}\n${text}\n`);
    process.exit(2);
  }
  process.stderr.write(`${text}\n`);
  process.exit(0);
}

function positiveInt(name, value, { allowZero = false } = {}) {
  if (value === undefined || !/^\d+$/.test(value)) usage(`${name} needs a whole number, got ${JSON.stringify(value)}`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || (!allowZero && n === 0)) usage(`${name} out of range: ${value}`);
  return n;
}

function parseArgs(argv) {
  const opts = {
    port: 0,
    maxSeconds: 600,
    idTokenTtl: process.env.OIDC_ID_TOKEN_TTL !== undefined && process.env.OIDC_ID_TOKEN_TTL !== ''
      ? positiveInt('OIDC_ID_TOKEN_TTL', process.env.OIDC_ID_TOKEN_TTL)
      : 600,
    exitOnStdinEof: false,
    tamperIdToken: null,
    userinfoOnly: false,
    tamperUserinfo: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--port': opts.port = positiveInt('--port', value(), { allowZero: true }); break;
      case '--max-seconds': opts.maxSeconds = positiveInt('--max-seconds', value()); break;
      case '--id-token-ttl': opts.idTokenTtl = positiveInt('--id-token-ttl', value()); break;
      case '--exit-on-stdin-eof': opts.exitOnStdinEof = true; break;
      case '--tamper-id-token': {
        const v = value();
        if (v !== 'forge' && v !== 'nonce') usage(`--tamper-id-token takes forge or nonce, not ${JSON.stringify(v)}`);
        opts.tamperIdToken = v;
        break;
      }
      case '--userinfo-only': opts.userinfoOnly = true; break;
      case '--tamper-userinfo': {
        const v = value();
        if (v !== 'sub') usage(`--tamper-userinfo takes sub, not ${JSON.stringify(v)}`);
        opts.tamperUserinfo = v;
        break;
      }
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (opts.port > 65535) usage('--port must be at most 65535');
  if (opts.maxSeconds > 86400) usage('--max-seconds must be at most 86400');
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Google-shaped errors for the Gmail stand-in.

const STATUS_NAMES = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'ABORTED',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};
const DEFAULT_MESSAGES = {
  429: 'Quota exceeded for quota metric \'Queries\' and limit \'Queries per minute per user\'.',
  500: 'Internal error encountered.',
  502: 'Bad Gateway',
  503: 'The service is currently unavailable.',
  504: 'The service timed out.',
};
const REASONS = {
  400: 'invalidArgument',
  401: 'authError',
  403: 'insufficientPermissions',
  404: 'notFound',
  429: 'rateLimitExceeded',
  500: 'backendError',
  503: 'backendError',
};

function sendJson(res, status, body, headers = {}) {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function googleError(res, code, message, extraHeaders = {}) {
  const status = STATUS_NAMES[code] || (code >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION');
  const reason = REASONS[code] || 'failedPrecondition';
  const errors = [{ message, domain: 'global', reason }];
  if (code === 401) Object.assign(errors[0], { location: 'Authorization', locationType: 'header' });
  sendJson(res, code, { error: { code, message, errors, status } }, extraHeaders);
}

const MSG_NO_CREDENTIALS = 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const MSG_BAD_CREDENTIALS = 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const MSG_SCOPES = 'Request had insufficient authentication scopes.';

// ---------------------------------------------------------------------------------------------
// RFC 2822 / MIME parsing, enough for what a mail client sends: headers with folding and RFC 2047
// encoded words, 7bit/8bit/binary/quoted-printable/base64 bodies, multipart (first text/plain).

function decodeCharset(buf, charset) {
  const label = (charset || 'utf-8').trim().toLowerCase();
  try {
    return new TextDecoder(label).decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}

function decodeQuotedPrintable(text, { header = false } = {}) {
  // text is a latin1 "byte string"; returns a Buffer
  let s = header ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(s.charCodeAt(i) & 0xff);
    }
  }
  s = null;
  return Buffer.from(bytes);
}

function decodeEncodedWords(value) {
  // RFC 2047: =?charset?B|Q?text?=, whitespace between adjacent encoded words is dropped.
  return value
    .replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)/g, '$1')
    .replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g, (whole, charset, enc, text) => {
      try {
        const cs = charset.split('*')[0];
        const buf = enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : decodeQuotedPrintable(text, { header: true });
        return decodeCharset(buf, cs);
      } catch {
        return whole;
      }
    });
}

function parseHeaderParams(value) {
  // "text/plain; charset=utf-8; boundary=\"x\"" -> { value: 'text/plain', params: {...} }
  const parts = [];
  let cur = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) { parts.push(cur); cur = ''; } else cur += ch;
  }
  parts.push(cur);
  const params = {};
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq === -1) continue;
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[p.slice(0, eq).trim().toLowerCase()] = v;
  }
  return { value: parts[0].trim().toLowerCase(), params };
}

// Parses one entity (message or MIME part) given as a latin1 byte string.
function parseEntity(bin) {
  const m = /\r?\n\r?\n/.exec(bin);
  const headerBlock = m ? bin.slice(0, m.index) : bin;
  const body = m ? bin.slice(m.index + m[0].length) : '';
  const headers = [];
  for (const line of headerBlock.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line)) {
      if (headers.length === 0) throw new Error('message starts with a continuation line');
      headers[headers.length - 1][1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[!-9;-~]+$/.test(line.slice(0, colon))) {
      throw new Error(`not an RFC 2822 header line: ${JSON.stringify(line.slice(0, 60))}`);
    }
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return { headers, body, hadSeparator: !!m };
}

function headerValue(headers, name) {
  const h = headers.find(([k]) => k.toLowerCase() === name.toLowerCase());
  return h ? h[1] : undefined;
}

function decodeBody(entity) {
  const ct = parseHeaderParams(headerValue(entity.headers, 'content-type') || 'text/plain; charset=us-ascii');
  const cte = (headerValue(entity.headers, 'content-transfer-encoding') || '7bit').trim().toLowerCase();
  if (ct.value.startsWith('multipart/') && ct.params.boundary) {
    const delim = `--${ct.params.boundary}`;
    const chunks = entity.body.split(new RegExp(`(?:^|\\r?\\n)${delim.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const parts = [];
    for (const chunk of chunks.slice(1)) {
      if (chunk.startsWith('--')) break; // closing delimiter
      const partText = chunk.replace(/^[ \t]*\r?\n/, '');
      parts.push(parseEntity(partText));
      if (parts.length > 100) break;
    }
    const pick = parts.find((p) => parseHeaderParams(headerValue(p.headers, 'content-type') || 'text/plain').value === 'text/plain')
      || parts.find((p) => parseHeaderParams(headerValue(p.headers, 'content-type') || 'text/plain').value.startsWith('multipart/'))
      || parts[0];
    return pick ? decodeBody(pick) : '';
  }
  let bytes;
  if (cte === 'base64') {
    bytes = Buffer.from(entity.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  } else if (cte === 'quoted-printable') {
    bytes = decodeQuotedPrintable(entity.body);
  } else {
    bytes = Buffer.from(entity.body, 'latin1');
  }
  return decodeCharset(bytes, ct.params.charset);
}

function splitAddressList(value) {
  const out = [];
  let cur = '';
  let quoted = false;
  let angle = 0;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '<') angle += 1;
    if (!quoted && ch === '>') angle = Math.max(0, angle - 1);
    if (ch === ',' && !quoted && angle === 0) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean).map((s) => {
    const a = /<([^<>]*)>\s*$/.exec(s);
    return (a ? a[1] : s.replace(/\(.*?\)/g, '')).trim();
  });
}

const ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+$/;

function parseMail(rawBuf) {
  const bin = rawBuf.toString('latin1');
  const entity = parseEntity(bin);
  if (entity.headers.length === 0) throw new Error('message has no headers');
  if (!entity.hadSeparator && bin.trim() !== '') {
    // headers only, no body: acceptable per RFC 2822
  }
  const headers = {};
  for (const [k, v] of entity.headers) {
    const decoded = decodeEncodedWords(Buffer.from(v, 'latin1').toString('utf8'));
    const key = k.toLowerCase();
    headers[key] = headers[key] === undefined ? decoded : `${headers[key]}, ${decoded}`;
  }
  const list = (name) => (headers[name] ? splitAddressList(headers[name]) : []);
  return {
    headers,
    from: list('from'),
    to: list('to'),
    cc: list('cc'),
    bcc: list('bcc'),
    subject: headers.subject ?? '',
    body: decodeBody(entity),
    text: decodeCharset(rawBuf, 'utf-8'),
  };
}

// ---------------------------------------------------------------------------------------------

async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) {
      const err = new Error('request body too large');
      err.status = 413;
      throw err;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function makeGmail(provider) {
  const delivered = [];
  const failQueue = []; // statuses for the next sends
  let counter = 0;

  async function authenticate(req, res) {
    const auth = req.headers.authorization;
    const wwwAuth = (extra = '') => ({ 'www-authenticate': `Bearer realm="https://accounts.google.com/"${extra}` });
    if (!auth) {
      googleError(res, 401, MSG_NO_CREDENTIALS, wwwAuth());
      return undefined;
    }
    const m = /^Bearer +([^\s]+) *$/i.exec(auth);
    if (!m) {
      googleError(res, 401, MSG_BAD_CREDENTIALS, wwwAuth(', error="invalid_token"'));
      return undefined;
    }
    // The provider's own token store: find() verifies the token (and its expiry).
    const at = await provider.AccessToken.find(m[1]);
    let problem;
    if (!at) problem = 'access token not found or expired';
    else if (at.isExpired) problem = 'access token expired';
    else if (at.jkt || at['x5t#S256']) problem = 'sender-constrained tokens are not supported here';
    else if (at.aud !== undefined) problem = 'access token audience is not this API';
    let grant;
    if (!problem) {
      grant = await provider.Grant.find(at.grantId, { ignoreExpiration: true });
      if (!grant || grant.isExpired) problem = 'grant not found or expired';
      else if (grant.clientId !== at.clientId || grant.accountId !== at.accountId) problem = 'grant mismatch';
    }
    const account = !problem ? ACCOUNTS[at.accountId] : undefined;
    if (!problem && !account) problem = 'account not found';
    if (problem) {
      process.stderr.write(`gmail: 401 (${problem})\n`);
      googleError(res, 401, MSG_BAD_CREDENTIALS, wwwAuth(', error="invalid_token"'));
      return undefined;
    }
    if (!at.scopes.has(GMAIL_SEND_SCOPE)) {
      googleError(res, 403, MSG_SCOPES, wwwAuth(`, error="insufficient_scope", scope="${GMAIL_SEND_SCOPE}"`));
      return undefined;
    }
    return { at, account };
  }

  async function send(req, res, userId) {
    if (failQueue.length) {
      const status = failQueue.shift();
      process.stderr.write(`gmail: failing this send with ${status} (fail-next)\n`);
      googleError(res, status, DEFAULT_MESSAGES[status] || `Injected failure ${status}.`);
      return;
    }
    const who = await authenticate(req, res);
    if (!who) return;
    const { account } = who;
    if (userId !== 'me' && userId.toLowerCase() !== account.email) {
      googleError(res, 403, `Delegation denied for ${account.email}`);
      return;
    }
    let payload;
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      payload = JSON.parse(body.toString('utf8'));
    } catch (err) {
      if (err.status === 413) googleError(res, 413, 'Request payload size exceeds the limit.');
      else googleError(res, 400, `Invalid JSON payload received. ${err.message}`);
      return;
    }
    const raw = payload?.raw;
    if (typeof raw !== 'string' || raw === '') {
      googleError(res, 400, '\'raw\' RFC822 payload message string or uploading message via /upload/* URL required');
      return;
    }
    // Gmail documents `raw` as base64url (RFC 4648 §5); padding is optional.
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(raw) || raw.replace(/=+$/, '').length % 4 === 1) {
      googleError(res, 400, 'Invalid value for ByteString: the raw field must be base64url encoded (RFC 4648 section 5: - and _ instead of + and /).');
      return;
    }
    const rawBuf = Buffer.from(raw, 'base64url');
    let mail;
    try {
      mail = parseMail(rawBuf);
    } catch (err) {
      googleError(res, 400, `Invalid raw RFC 2822 message: ${err.message}`);
      return;
    }
    const recipients = [...mail.to, ...mail.cc, ...mail.bcc];
    if (recipients.length === 0) {
      googleError(res, 400, 'Recipient address required');
      return;
    }
    for (const addr of [...recipients, ...mail.from]) {
      if (!ADDRESS.test(addr)) {
        googleError(res, 400, `Invalid address: ${addr}`);
        return;
      }
    }
    if (mail.from.length > 1) {
      googleError(res, 400, 'Invalid From header: more than one address');
      return;
    }
    const own = account.email.toLowerCase();
    if (mail.from.length === 1 && mail.from[0].toLowerCase() !== own) {
      googleError(res, 400, `From must be the signed-in user's own address (${account.email}), got ${mail.from[0]}`);
      return;
    }
    const foreign = recipients.filter((a) => a.toLowerCase() !== own);
    if (foreign.length) {
      googleError(res, 400, `This test stand-in only delivers to the signed-in user's own address (${account.email}), got ${foreign.join(', ')}`);
      return;
    }
    counter += 1;
    const id = (BigInt(Date.now()) * 4096n + BigInt(counter)).toString(16);
    const record = {
      id,
      threadId: id,
      labelIds: ['SENT'],
      account: who.at.accountId,
      from: mail.from[0] ?? account.email,
      to: mail.to.join(', '),
      cc: mail.cc.join(', '),
      bcc: mail.bcc.join(', '),
      subject: mail.subject,
      body: mail.body,
      headers: mail.headers,
      message: mail.text,
      raw,
      receivedAt: new Date().toISOString(),
    };
    delivered.push(record);
    process.stderr.write(`gmail: delivered ${id} from ${record.from} to ${record.to}: ${JSON.stringify(record.subject)}\n`);
    sendJson(res, 200, { id, threadId: id, labelIds: ['SENT'] });
  }

  return async function gmail(req, res) {
    const url = new URL(req.url, `http://${HOST}`);
    const path = url.pathname;
    const sendMatch = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(path);
    if (sendMatch) {
      if (req.method !== 'POST') { googleError(res, 405, 'Method not allowed'); return; }
      await send(req, res, decodeURIComponent(sendMatch[1]));
      return;
    }
    if (path === '/gmail/_test/messages') {
      if (req.method === 'GET') { sendJson(res, 200, delivered); return; }
      if (req.method === 'DELETE') { const n = delivered.length; delivered.length = 0; sendJson(res, 200, { deleted: n }); return; }
      sendJson(res, 405, { error: 'use GET or DELETE' });
      return;
    }
    if (path === '/gmail/_test/fail-next') {
      if (req.method !== 'POST') { sendJson(res, 405, { error: 'use POST' }); return; }
      let body;
      try {
        const text = (await readBody(req, 64 * 1024)).toString('utf8');
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch (err) {
        sendJson(res, 400, { error: `bad JSON: ${err.message}` });
        return;
      }
      const status = body.status ?? 500;
      const count = body.count ?? 1;
      if (!Number.isInteger(status) || status < 400 || status > 599) { sendJson(res, 400, { error: 'status must be an integer 400..599' }); return; }
      if (!Number.isInteger(count) || count < 0 || count > 100) { sendJson(res, 400, { error: 'count must be an integer 0..100' }); return; }
      failQueue.length = 0;
      for (let i = 0; i < count; i += 1) failQueue.push(status);
      sendJson(res, 200, { pending: [...failQueue] });
      return;
    }
    googleError(res, 404, `Not found: ${path}`);
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const stage = (what) => process.stderr.write(`provider.mjs: ${what} (${Date.now() - t0} ms)\n`);
  const { default: Provider } = await import('oidc-provider');
  stage('oidc-provider loaded');

  let handler = (req, res) => { res.writeHead(503); res.end('starting\n'); };
  const server = http.createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 5000;
  server.requestTimeout = 15000;
  server.headersTimeout = 10000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, HOST, resolve);
  });
  const { port } = server.address();
  stage(`listening on port ${port}`);
  const issuer = `http://${HOST}:${port}`;

  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = crypto.createHash('sha256').update(jwk.n).digest('base64url').slice(0, 16);
  stage('signing key made');

  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      application_type: 'native',
      // Registered without a port: for native clients oidc-provider ignores the port of a
      // loopback http redirect URI (RFC 8252 §7.3). The path must match exactly ("/").
      redirect_uris: [`http://${HOST}/`],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      // client_secret_basic is accepted too: oidc-provider treats the two secret methods alike.
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'RS256',
    }],
    jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'email', GMAIL_SEND_SCOPE],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
    },
    // Like Google: the scope's claims (email, email_verified) go into the ID token itself;
    // --userinfo-only: as OpenID Connect Core 5.4 says, only the userinfo endpoint gives them.
    conformIdTokenClaims: opts.userinfoOnly,
    pkce: { required: () => true },
    responseTypes: ['code'],
    features: {
      devInteractions: { enabled: true },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: false },
    },
    ttl: {
      IdToken: opts.idTokenTtl,
      AccessToken: ACCESS_TOKEN_TTL,
      AuthorizationCode: 120,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    async findAccount(_ctx, id) {
      const acct = ACCOUNTS[id];
      if (!acct) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: acct.email, email_verified: acct.email_verified };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>oops! something went wrong</title></head><body><h1>oops! something went wrong</h1>${Object.entries(out).map(([k, v]) => `<pre><strong>${esc(k)}</strong>: ${esc(v)}</pre>`).join('')}</body></html>`;
    },
  });

  if (opts.tamperUserinfo) {
    // Test knob: the userinfo endpoint describes another subject than the ID token's.
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.path !== '/me' || !ctx.body || typeof ctx.body !== 'object' || !ctx.body.sub) return;
      ctx.body = { ...ctx.body, sub: `someone-else-${crypto.randomBytes(4).toString('hex')}` };
      process.stderr.write('provider: --tamper-userinfo sub: userinfo rewritten\n');
    });
  }

  if (opts.tamperIdToken) {
    // Test knob: rewrite the ID token the token endpoint returns, after the provider made it.
    const forger = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.method !== 'POST' || ctx.path !== '/token' || !ctx.body?.id_token) return;
      const [h, p] = ctx.body.id_token.split('.');
      let payload = p;
      let key = forger;
      if (opts.tamperIdToken === 'nonce') {
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
        claims.nonce = `not-the-nonce-${crypto.randomBytes(4).toString('hex')}`;
        payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
        key = privateKey;
      }
      const sig = crypto.sign('sha256', Buffer.from(`${h}.${payload}`), key).toString('base64url');
      ctx.body = { ...ctx.body, id_token: `${h}.${payload}.${sig}` };
      process.stderr.write(`provider: --tamper-id-token ${opts.tamperIdToken}: ID token rewritten\n`);
    });
  }

  provider.on('server_error', (_ctx, err) => process.stderr.write(`provider server_error: ${err?.stack || err}\n`));
  for (const ev of ['authorization.error', 'grant.error', 'userinfo.error', 'revocation.error']) {
    provider.on(ev, (_ctx, err) => process.stderr.write(`provider ${ev}: ${err?.error || ''} ${err?.error_description || err?.message || ''}\n`));
  }

  stage('provider made');
  const gmail = makeGmail(provider);
  const oidc = provider.callback();
  handler = (req, res) => {
    if (req.url === '/gmail' || req.url.startsWith('/gmail/') || req.url.startsWith('/gmail?')) {
      gmail(req, res).catch((err) => {
        process.stderr.write(`gmail: internal error: ${err?.stack || err}\n`);
        if (!res.headersSent) googleError(res, 500, 'Internal error encountered.');
        else res.destroy();
      });
      return;
    }
    const interaction = /^\/interaction\/([^/?]+)$/.exec(req.url.split('?')[0]);
    if (req.method === 'POST' && interaction && /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] || '')) {
      // The dev login page accepts any login name, and the provider fails with a server_error
      // later when findAccount() does not know it. Like Google's "Couldn't find your account",
      // an unknown login just shows the sign-in page again. The body is handed on pre-read
      // (oidc-provider uses req.body when the stream has been consumed).
      readBody(req, 56 * 1024).then((buf) => {
        const form = new URLSearchParams(buf.toString('utf8'));
        if (form.get('prompt') === 'login' && !Object.hasOwn(ACCOUNTS, form.get('login') ?? '')) {
          process.stderr.write(`provider: unknown login ${JSON.stringify(form.get('login'))}, showing the sign-in page again\n`);
          res.writeHead(303, { location: `/interaction/${interaction[1]}`, 'cache-control': 'no-store' });
          res.end();
          return;
        }
        req.body = buf.toString('utf8');
        oidc(req, res);
      }, () => { res.writeHead(413); res.end(); });
      return;
    }
    oidc(req, res);
  };

  let stopping = false;
  const stop = (why, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`provider.mjs: stopping (${why})\n`);
    server.close();
    server.closeAllConnections?.();
    setTimeout(() => process.exit(code), 200).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  setTimeout(() => stop(`--max-seconds ${opts.maxSeconds} reached`), opts.maxSeconds * 1000);
  if (opts.exitOnStdinEof) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }

  process.stdout.write(`${JSON.stringify({ issuer, port, gmail_base: `${issuer}/gmail` })}\n`);
}

main().catch((err) => {
  process.stderr.write(`provider.mjs: ${err?.stack || err}\n`);
  process.exit(1);
});
