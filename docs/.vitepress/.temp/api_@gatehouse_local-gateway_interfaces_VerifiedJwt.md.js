import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: VerifiedJwt","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/VerifiedJwt.md","filePath":"api/@gatehouse/local-gateway/interfaces/VerifiedJwt.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/VerifiedJwt.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-verifiedjwt" tabindex="-1">Interface: VerifiedJwt <a class="header-anchor" href="#interface-verifiedjwt" aria-label="Permalink to &quot;Interface: VerifiedJwt&quot;">​</a></h1><p>What a <a href="./JwtAuthorizerConfig#property-verifier">JwtAuthorizerConfig.verifier</a> returns for a valid token.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-claims"></a> <code>claims</code></td><td><code>Record</code>&lt;<code>string</code>, <code>unknown</code>&gt;</td><td>The token&#39;s claims; they reach the integration as <code>jwt.claims</code> / <code>claims</code>.</td></tr><tr><td><a id="property-scopes"></a> <code>scopes?</code></td><td>readonly <code>string</code>[]</td><td>OAuth scopes (<code>scope</code> split on spaces); read from <code>claims.scope</code> / <code>claims.scp</code> when absent.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/VerifiedJwt.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const VerifiedJwt = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  VerifiedJwt as default
};
