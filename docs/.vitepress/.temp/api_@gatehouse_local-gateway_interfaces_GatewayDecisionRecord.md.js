import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: GatewayDecisionRecord","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/local-gateway/interfaces/GatewayDecisionRecord.md","filePath":"api/@gatehouse/local-gateway/interfaces/GatewayDecisionRecord.md"}');
const _sfc_main = { name: "api/@gatehouse/local-gateway/interfaces/GatewayDecisionRecord.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-gatewaydecisionrecord" tabindex="-1">Interface: GatewayDecisionRecord <a class="header-anchor" href="#interface-gatewaydecisionrecord" aria-label="Permalink to &quot;Interface: GatewayDecisionRecord&quot;">​</a></h1><p>One decision of the gateway, for logs and tests. Carries codes, never tokens or signatures.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-api"></a> <code>api</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-authorizer"></a> <code>authorizer?</code></td><td><code>string</code></td><td>The authorizer&#39;s name when one was involved.</td></tr><tr><td><a id="property-authorizerfromcache"></a> <code>authorizerFromCache?</code></td><td><code>boolean</code></td><td>-</td></tr><tr><td><a id="property-method"></a> <code>method</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-path"></a> <code>path</code></td><td><code>string</code></td><td>The request path as received (query string dropped).</td></tr><tr><td><a id="property-reason"></a> <code>reason</code></td><td><code>string</code></td><td>Why: <code>allowed</code>, <code>missing-identity-source</code>, <code>authorizer-explicit-deny</code>, ...</td></tr><tr><td><a id="property-route"></a> <code>route</code></td><td><code>string</code> | <code>null</code></td><td>The matched route (<code>GET /pets/{id}</code>, <code>$connect</code>), or <code>null</code> when none matched.</td></tr><tr><td><a id="property-status"></a> <code>status</code></td><td><code>number</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/local-gateway/interfaces/GatewayDecisionRecord.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const GatewayDecisionRecord = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  GatewayDecisionRecord as default
};
