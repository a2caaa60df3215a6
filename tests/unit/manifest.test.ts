/**
 * Issue 7 › 2, before any build: the manifest wxt.config.ts declares and the content script's
 * definition keep to the allow-list, and the scanner that audits the build catches what it must.
 * tests/e2e/manifest.spec.ts runs the same checks on the built extension Chrome loads.
 */
import { describe, expect, it } from 'vitest';
import type { PerBrowserOption } from 'wxt';
import contentScript from '../../entrypoints/gmail.content';
import config from '../../wxt.config';
import { codeProblems, contentScriptProblems, manifestProblems } from '../support/manifest-policy';

/** WXT lets an option differ per browser (`{ chrome: … }`); the Chrome build is the one shipped. */
function forChrome<T>(option: PerBrowserOption<T> | undefined): T | undefined {
  if (option !== null && typeof option === 'object' && !Array.isArray(option)) return (option as Record<string, T>)['chrome'];
  return option as T | undefined;
}

describe('the declared manifest', () => {
  it('asks for exactly the allowed permissions and hosts, and nothing that opens the extension up', () => {
    const manifest = config.manifest;
    if (typeof manifest !== 'object') throw new Error('wxt.config.ts manifest is expected to be a plain object');
    expect(manifestProblems(manifest as Record<string, unknown>)).toEqual([]);
  });

  it('runs the content script on Gmail only, top frames only, in its isolated world', () => {
    const entry = {
      matches: forChrome(contentScript.matches),
      all_frames: forChrome(contentScript.allFrames),
      match_about_blank: forChrome(contentScript.matchAboutBlank),
      match_origin_as_fallback: forChrome(contentScript.matchOriginAsFallback),
      world: contentScript.world,
    };
    expect(contentScriptProblems([entry])).toEqual([]);
  });
});

describe('the allow-list', () => {
  const clean = { permissions: ['storage', 'alarms', 'sidePanel', 'identity'], host_permissions: ['https://mail.google.com/*', 'https://www.googleapis.com/*', 'https://oauth2.googleapis.com/*', 'https://gmail.googleapis.com/*'] };

  it.each<[string, Record<string, unknown>]>([
    ['one more permission', { ...clean, permissions: [...clean.permissions, 'tabs'] }],
    ['one permission fewer', { ...clean, permissions: ['storage', 'alarms', 'identity'] }],
    ['every site', { ...clean, host_permissions: [...clean.host_permissions, '<all_urls>'] }],
    ['pages any site can load', { ...clean, web_accessible_resources: [] }],
    ['messages from web pages', { ...clean, externally_connectable: { matches: ['https://*.example/*'] } }],
    ['its own CSP', { ...clean, content_security_policy: { extension_pages: "script-src 'self'" } }],
    ['optional permissions', { ...clean, optional_host_permissions: ['https://*/*'] }],
  ])('refuses a manifest with %s', (_, manifest) => {
    expect(manifestProblems(clean)).toEqual([]);
    expect(manifestProblems(manifest)).not.toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['every frame', { matches: ['https://mail.google.com/*'], all_frames: true }],
    ['another site', { matches: ['https://mail.google.com/*', 'https://*/*'] }],
    ['the page world', { matches: ['https://mail.google.com/*'], world: 'MAIN' }],
    ['about:blank frames', { matches: ['https://mail.google.com/*'], match_about_blank: true }],
  ])('refuses a content script in %s', (_, entry) => {
    expect(contentScriptProblems([entry])).not.toEqual([]);
  });
});

describe('the build scanner', () => {
  it.each([
    ['a.js', 'const x = eval("1+1")', 'eval'],
    ['a.js', 'const f = new Function("return this")', 'Function constructor'],
    ['a.js', 'const g = Function("return this")()', 'Function constructor'],
    ['a.js', 'importScripts("https://cdn.example/x.js")', 'importScripts'],
    ['a.js', 'await import("https://cdn.example/x.js")', 'remote import'],
    ['a.js', 'import{a}from"//cdn.example/x.js"', 'remote import'],
    ['a.js', "setTimeout('alert(1)', 10)", 'string timer'],
    ['a.html', '<script src="https://cdn.example/x.js"></script>', 'remote script or stylesheet'],
    ['a.html', '<link rel="modulepreload" href="//cdn.example/x.js">', 'remote script or stylesheet'],
    ['a.html', '<script>alert(1)</script>', 'inline script'],
    ['a.css', '@import url("https://fonts.example/x.css");', 'stylesheet import or remote url'],
  ])('flags %s containing %s', (file, text, problem) => {
    expect(codeProblems(file, text)).toContain(problem);
  });

  it.each([
    ['a.js', 'c=Function.call.bind(Object.prototype.hasOwnProperty)'],
    ['a.js', 'const svg="http://www.w3.org/2000/svg";fetch("https://gmail.googleapis.com/x")'],
    ['a.js', 'import{a as b}from"./chunks/browser-x.js";Array.from(list)'],
    ['a.html', '<script type="module" crossorigin src="/chunks/sidepanel-x.js"></script><a href="https://myaccount.google.com/permissions">'],
    ['a.css', '.icon{background:url(/icon/16.png)}'],
  ])('passes %s with %s', (file, text) => {
    expect(codeProblems(file, text)).toEqual([]);
  });
});
