import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: MintOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/testing/interfaces/MintOptions.md","filePath":"api/@gatehouse/testing/interfaces/MintOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/testing/interfaces/MintOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-mintoptions" tabindex="-1">Interface: MintOptions <a class="header-anchor" href="#interface-mintoptions" aria-label="Permalink to &quot;Interface: MintOptions&quot;">​</a></h1><p>Options of the <code>mint*</code> methods of a <a href="./TestIssuer">TestIssuer</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-alg"></a> <code>alg?</code></td><td><code>string</code></td><td>Signing algorithm. <code>&quot;none&quot;</code> produces an unsigned token; <code>&quot;HS256&quot;</code> / <code>&quot;HS384&quot;</code> / <code>&quot;HS512&quot;</code> sign with <code>secret</code>, by default the signing key&#39;s public key as PEM (the algorithm-confusion attack). <strong>Default</strong> the issuer&#39;s <code>alg</code></td></tr><tr><td><a id="property-expiresin"></a> <code>expiresIn?</code></td><td><code>number</code></td><td>Lifetime from <code>iat</code>, in seconds; negative for an already-expired token. <strong>Default</strong> <code>3600</code></td></tr><tr><td><a id="property-header"></a> <code>header?</code></td><td><code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;</td><td>Header parameters merged over the default header (<code>alg</code>, <code>kid</code>, and <code>typ: &quot;JWT&quot;</code> for <code>mintToken</code>); a value of <code>undefined</code> removes a parameter. <code>alg</code> here only changes what the header claims: the signature always uses <code>options.alg</code> or the issuer&#39;s algorithm.</td></tr><tr><td><a id="property-secret"></a> <code>secret?</code></td><td><code>string</code> | <code>Uint8Array</code>&lt;<code>ArrayBufferLike</code>&gt;</td><td>HMAC secret for <code>HS*</code> algorithms. <strong>Default</strong> the public key of <code>signWith</code> as SPKI PEM</td></tr><tr><td><a id="property-signwith"></a> <code>signWith?</code></td><td><code>&quot;current&quot;</code> | <code>&quot;previous&quot;</code> | <code>&quot;other&quot;</code></td><td>Which key signs: the current key, the key before the last <code>rotateKeys()</code>, or a key that is not in the JWKS (with its own <code>kid</code>, unless the header overrides it). <strong>Default</strong> <code>&quot;current&quot;</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/testing/interfaces/MintOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const MintOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  MintOptions as default
};
