import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: DecisionLog","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/authorizer/index/interfaces/DecisionLog.md","filePath":"api/@gatehouse/authorizer/index/interfaces/DecisionLog.md"}');
const _sfc_main = { name: "api/@gatehouse/authorizer/index/interfaces/DecisionLog.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-decisionlog" tabindex="-1">Interface: DecisionLog <a class="header-anchor" href="#interface-decisionlog" aria-label="Permalink to &quot;Interface: DecisionLog&quot;">​</a></h1><p>One structured log line per invocation: reason codes only, never the token.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-cached"></a> <code>cached</code></td><td><code>boolean</code></td><td>Whether the decision came from this package&#39;s decision cache (no signature check).</td></tr><tr><td><a id="property-code"></a> <code>code?</code></td><td><a href="./../type-aliases/AuthorizerErrorCode"><code>AuthorizerErrorCode</code></a></td><td>Why, for every outcome but <code>allow</code>.</td></tr><tr><td><a id="property-durationms"></a> <code>durationMs</code></td><td><code>number</code></td><td>Milliseconds spent in the handler.</td></tr><tr><td><a id="property-eventshape"></a> <code>eventShape</code></td><td><a href="./../type-aliases/EventShape"><code>EventShape</code></a> | <code>&quot;unknown&quot;</code></td><td>-</td></tr><tr><td><a id="property-outcome"></a> <code>outcome</code></td><td><a href="./../type-aliases/DecisionOutcome"><code>DecisionOutcome</code></a></td><td><code>allow</code>: the policy covers this request; <code>deny</code>: valid token, not this route (403); <code>unauthorized</code>: missing or invalid token; <code>error</code>: internal failure (keys unavailable, a hook threw, a response could not be built, an unknown event).</td></tr><tr><td><a id="property-principalid"></a> <code>principalId?</code></td><td><code>string</code></td><td>-</td></tr><tr><td><a id="property-route"></a> <code>route</code></td><td><code>string</code> | <code>null</code></td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/authorizer/index/interfaces/DecisionLog.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const DecisionLog = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  DecisionLog as default
};
