import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: EvaluationRequest","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/EvaluationRequest.md","filePath":"api/@gatehouse/policy/interfaces/EvaluationRequest.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/EvaluationRequest.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-evaluationrequest" tabindex="-1">Interface: EvaluationRequest <a class="header-anchor" href="#interface-evaluationrequest" aria-label="Permalink to &quot;Interface: EvaluationRequest&quot;">​</a></h1><p>What is being asked: <code>action</code> on <code>resource</code> by <code>principal</code>, with condition <code>context</code>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-action"></a> <code>action</code></td><td><code>string</code></td><td>E.g. <code>execute-api:Invoke</code> (compared case-insensitively).</td></tr><tr><td><a id="property-context"></a> <code>context?</code></td><td><a href="./../type-aliases/ConditionContext"><code>ConditionContext</code></a></td><td>-</td></tr><tr><td><a id="property-principal"></a> <code>principal?</code></td><td><a href="./../type-aliases/RequestPrincipal"><code>RequestPrincipal</code></a></td><td>Only consulted by statements with <code>Principal</code>/<code>NotPrincipal</code>; absent means anonymous.</td></tr><tr><td><a id="property-resource"></a> <code>resource</code></td><td><code>string</code></td><td>The full ARN, e.g. a method ARN (compared case-sensitively).</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/EvaluationRequest.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const EvaluationRequest = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  EvaluationRequest as default
};
