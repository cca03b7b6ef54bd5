import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: EvaluationResult","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/EvaluationResult.md","filePath":"api/@gatehouse/policy/interfaces/EvaluationResult.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/EvaluationResult.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-evaluationresult" tabindex="-1">Interface: EvaluationResult <a class="header-anchor" href="#interface-evaluationresult" aria-label="Permalink to &quot;Interface: EvaluationResult&quot;">​</a></h1><p>The decision, every statement that applied (in document order), and the reason for a failure.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-decision"></a> <code>decision</code></td><td><a href="./../type-aliases/Decision"><code>Decision</code></a></td><td>-</td></tr><tr><td><a id="property-error"></a> <code>error?</code></td><td><a href="./../classes/PolicyError"><code>PolicyError</code></a></td><td>Set when the policy or the request was malformed; the decision is then <code>implicit-deny</code>.</td></tr><tr><td><a id="property-matched"></a> <code>matched</code></td><td><a href="./MatchedStatement"><code>MatchedStatement</code></a>[]</td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/EvaluationResult.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const EvaluationResult = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  EvaluationResult as default
};
