#!/usr/bin/env node
// Plays the user's browser against provider.mjs over plain HTTP (loopback only):
// follows the authorization URL, signs in on the provider's login page, approves or denies the
// consent page, and delivers the final redirect (code/state or error) to the client's loopback
// listener.
//
//   node browser.mjs --url '<authorization URL>' --login alice [--password P] [--consent yes|no]
//                    [--tamper-state] [--no-deliver] [--quiet]
//
// Prints one JSON line to stdout:
//   {"redirect":"<redirect from the provider>","delivered_url":"<url fetched or null>",
//    "delivered_status":<status or null>,"body":"<first 500 chars of the answer>"}
// Exit codes: 0 done; 1 the flow failed (provider error page, unexpected page, too many hops,
// time-out); 2 usage; 3 the redirect could not be delivered (listener not reachable or timed out;
// the JSON line is still printed, with "delivery_error").

import process from 'node:process';
import * as crypto from 'node:crypto';

const MAX_HOPS = 20;
const REQUEST_TIMEOUT_MS = 10_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1']);

function usage(message) {
  const text = `usage: node browser.mjs --url AUTHORIZATION_URL --login alice|bob|eve [options]
  --url URL          the authorization request URL (must be on http://127.0.0.1)
  --login NAME       account to sign in as (alice, bob, eve)
  --password P       password typed into the login form (the dev login page accepts any)
  --consent yes|no   approve (default) or deny the consent page (deny -> error=access_denied)
  --tamper-state     replace the state parameter of the redirect before delivering it
  --no-deliver       do not fetch the final redirect; only print it
  --quiet            no hop-by-hop trace on stderr`;
  if (message) {
    process.stderr.write(`browser.mjs: ${message}\n${text}\n`);
    process.exit(2);
  }
  process.stdout.write(`${text}\n`);
  process.exit(0);
}

function parseArgs(argv) {
  const opts = { consent: 'yes', password: 'password', tamperState: false, deliver: true, quiet: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const value = () => {
      const v = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--url': opts.url = value(); break;
      case '--login': opts.login = value(); break;
      case '--password': opts.password = value(); break;
      case '--consent': opts.consent = value(); break;
      case '--tamper-state': opts.tamperState = true; break;
      case '--no-deliver': opts.deliver = false; break;
      case '--quiet': opts.quiet = true; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (!opts.url) usage('--url is required');
  if (!opts.login) usage('--login is required');
  if (!['yes', 'no'].includes(opts.consent)) usage('--consent must be yes or no');
  let u;
  try { u = new URL(opts.url); } catch { usage(`--url is not a URL: ${opts.url}`); }
  if (u.protocol !== 'http:' || !LOOPBACK_HOSTS.has(u.hostname)) usage('--url must be an http://127.0.0.1 URL (loopback only)');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const trace = (msg) => { if (!opts.quiet) process.stderr.write(`browser: ${msg}\n`); };

function fail(message, code = 1) {
  process.stderr.write(`browser.mjs: ${message}\n`);
  process.exit(code);
}

// --- a small RFC 6265 cookie jar, scoped by origin (scheme, host and port) ---------------------
const jar = new Map(); // origin -> Map(name + '\0' + path -> { name, value, path, expires })

function defaultPath(pathname) {
  if (!pathname.startsWith('/') || pathname.lastIndexOf('/') === 0) return '/';
  return pathname.slice(0, pathname.lastIndexOf('/'));
}

function storeCookies(url, headers) {
  const list = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
  if (!jar.has(url.origin)) jar.set(url.origin, new Map());
  const store = jar.get(url.origin);
  for (const line of list) {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    let path = defaultPath(url.pathname);
    let expires;
    for (const attr of attrs) {
      const [k, ...rest] = attr.split('=');
      const key = k.trim().toLowerCase();
      const v = rest.join('=').trim();
      if (key === 'path' && v.startsWith('/')) path = v;
      else if (key === 'max-age' && /^-?\d+$/.test(v)) expires = Date.now() + Number(v) * 1000;
      else if (key === 'expires' && expires === undefined) {
        const t = Date.parse(v);
        if (!Number.isNaN(t)) expires = t;
      }
    }
    const id = `${name}\0${path}`;
    if (expires !== undefined && expires <= Date.now()) store.delete(id);
    else store.set(id, { name, value, path, expires });
  }
}

function cookieHeader(url) {
  const store = jar.get(url.origin);
  if (!store) return undefined;
  const now = Date.now();
  const matches = [];
  for (const [id, c] of store) {
    if (c.expires !== undefined && c.expires <= now) { store.delete(id); continue; }
    const p = url.pathname;
    if (p === c.path || (p.startsWith(c.path) && (c.path.endsWith('/') || p[c.path.length] === '/'))) matches.push(c);
  }
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches.length ? matches.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
}

async function request(method, url, body) {
  const headers = {
    'user-agent': 'tokenward-test-browser/1',
    accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  };
  const cookie = cookieHeader(url);
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(url, {
    method,
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  storeCookies(url, res.headers);
  const text = await res.text();
  return { res, text };
}

// --- HTML scraping of the provider's pages (its own dev login/consent views) ------------------
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (m, e) => {
    const l = e.toLowerCase();
    if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
    if (l.startsWith('#')) return String.fromCodePoint(parseInt(l.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[l] ?? m;
  });
}

function attr(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3]) : undefined;
}

function parseForms(html) {
  const forms = [];
  const re = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
  let m;
  while ((m = re.exec(html)) !== null && forms.length < 20) {
    const inputs = [];
    const ire = /<input\b[^>]*>/gi;
    let im;
    while ((im = ire.exec(m[2])) !== null && inputs.length < 50) {
      inputs.push({ name: attr(im[0], 'name'), type: (attr(im[0], 'type') || 'text').toLowerCase(), value: attr(im[0], 'value') ?? '' });
    }
    forms.push({ action: attr(`<form${m[1]}>`, 'action'), method: (attr(`<form${m[1]}>`, 'method') || 'get').toUpperCase(), inputs });
  }
  return forms;
}

function providerErrorText(html) {
  const items = [...html.matchAll(/<pre><strong>([^<]*)<\/strong>:\s*([\s\S]*?)<\/pre>/gi)].map((m) => `${decodeEntities(m[1])}: ${decodeEntities(m[2])}`);
  return items.length ? items.join('; ') : undefined;
}

function snippet(text, n = 300) {
  return text.replace(/\s+/g, ' ').slice(0, n);
}

// --- the walk --------------------------------------------------------------------------------
const start = new URL(opts.url);
const providerOrigin = start.origin;
let next = { method: 'GET', url: start, body: undefined };
let finalRedirect;
let loginsSubmitted = 0;
let consentsAnswered = 0;

for (let hop = 0; ; hop += 1) {
  if (hop >= MAX_HOPS) fail(`gave up after ${MAX_HOPS} requests without reaching the client's redirect URI`);
  if (next.url.origin !== providerOrigin) {
    finalRedirect = next.url;
    break;
  }
  let res;
  let text;
  try {
    ({ res, text } = await request(next.method, next.url, next.body));
  } catch (err) {
    fail(`${next.method} ${next.url.href} failed: ${err.name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (err.cause?.message || err.message)}`);
  }
  trace(`${next.method} ${next.url.pathname}${next.url.search ? '?…' : ''} -> ${res.status}`);

  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location');
    if (!location) fail(`${res.status} from ${next.url.href} without a Location header`);
    next = { method: 'GET', url: new URL(location, next.url), body: undefined };
    continue;
  }

  const forms = res.status === 200 ? parseForms(text) : [];
  const promptOf = (f) => f.inputs.find((i) => i.name === 'prompt')?.value;
  const loginForm = forms.find((f) => promptOf(f) === 'login');
  const consentForm = forms.find((f) => promptOf(f) === 'consent');

  if (loginForm) {
    if (loginsSubmitted >= 1) fail(`the provider did not accept the sign-in as ${JSON.stringify(opts.login)} (login page shown again; known accounts: alice, bob, eve)`);
    loginsSubmitted += 1;
    const form = new URLSearchParams();
    for (const input of loginForm.inputs) {
      if (!input.name) continue;
      if (input.name === 'login') form.set('login', opts.login);
      else if (input.type === 'password') form.set(input.name, opts.password);
      else form.set(input.name, input.value);
    }
    if (!form.has('login')) fail('the login form has no "login" field');
    trace(`login page: signing in as ${opts.login}`);
    next = { method: loginForm.method, url: new URL(loginForm.action || next.url.href, next.url), body: form.toString() };
    continue;
  }

  if (consentForm) {
    if (consentsAnswered >= 2) fail('the consent page keeps coming back');
    consentsAnswered += 1;
    if (opts.consent === 'yes') {
      const form = new URLSearchParams();
      for (const input of consentForm.inputs) if (input.name) form.set(input.name, input.value);
      trace('consent page: approving');
      next = { method: consentForm.method, url: new URL(consentForm.action || next.url.href, next.url), body: form.toString() };
    } else {
      // The provider's own "[ Cancel ]" link (…/interaction/:uid/abort) ends the interaction
      // with error=access_denied.
      const links = [...text.matchAll(/<a\b[^>]*>/gi)].map((m) => attr(m[0], 'href')).filter(Boolean);
      const abort = links.find((h) => /\/abort(?:$|[?#])/.test(h));
      if (!abort) fail('the consent page has no cancel/abort link to deny with');
      trace('consent page: denying');
      next = { method: 'GET', url: new URL(abort, next.url), body: undefined };
    }
    continue;
  }

  const err = providerErrorText(text);
  if (err) fail(`the provider answered ${res.status} with an error page: ${err}`);
  fail(`unexpected ${res.status} answer from ${next.url.href}: ${snippet(text)}`);
}

// --- the redirect to the client's loopback listener ------------------------------------------
const redirect = finalRedirect.href;
if (finalRedirect.protocol !== 'http:' || !LOOPBACK_HOSTS.has(finalRedirect.hostname)) {
  fail(`refusing to follow a redirect off the loopback interface: ${redirect}`);
}
trace(`redirect to the client: ${finalRedirect.origin}${finalRedirect.pathname} (${[...finalRedirect.searchParams.keys()].join(', ')})`);

const out = { redirect, delivered_url: null, delivered_status: null, body: '' };
if (opts.deliver) {
  const target = new URL(finalRedirect.href);
  if (opts.tamperState) {
    target.searchParams.set('state', `tampered-${crypto.randomBytes(12).toString('base64url')}`);
  }
  out.delivered_url = target.href;
  try {
    const res = await fetch(target, {
      method: 'GET',
      headers: { 'user-agent': 'tokenward-test-browser/1', accept: 'text/html,*/*;q=0.8' },
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    out.delivered_status = res.status;
    out.body = (await res.text()).slice(0, 500);
    trace(`delivered: ${res.status}`);
  } catch (err) {
    out.delivery_error = err.name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (err.cause?.message || err.message);
    process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
    fail(`could not deliver the redirect to ${target.origin}: ${out.delivery_error}`, 3);
  }
}
process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
