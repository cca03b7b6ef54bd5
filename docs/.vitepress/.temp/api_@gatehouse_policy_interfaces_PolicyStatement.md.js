import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: PolicyStatement","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/PolicyStatement.md","filePath":"api/@gatehouse/policy/interfaces/PolicyStatement.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/PolicyStatement.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-policystatement" tabindex="-1">Interface: PolicyStatement <a class="header-anchor" href="#interface-policystatement" aria-label="Permalink to &quot;Interface: PolicyStatement&quot;">​</a></h1><p>@gatehouse/policy: execute-api ARNs, Lambda-authorizer responses, resource policies, a local IAM / API Gateway evaluator, a linter and IaC output. No runtime dependencies.</p><p>Each section below is owned by one folder of <code>src/</code>; exports are named one by one.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-action"></a> <code>Action?</code></td><td><a href="./../type-aliases/OneOrMany"><code>OneOrMany</code></a>&lt;<code>string</code>&gt;</td></tr><tr><td><a id="property-condition"></a> <code>Condition?</code></td><td><a href="./../type-aliases/ConditionBlock"><code>ConditionBlock</code></a></td></tr><tr><td><a id="property-effect"></a> <code>Effect</code></td><td><a href="./../type-aliases/PolicyEffect"><code>PolicyEffect</code></a></td></tr><tr><td><a id="property-notaction"></a> <code>NotAction?</code></td><td><a href="./../type-aliases/OneOrMany"><code>OneOrMany</code></a>&lt;<code>string</code>&gt;</td></tr><tr><td><a id="property-notprincipal"></a> <code>NotPrincipal?</code></td><td><a href="./../type-aliases/PolicyPrincipal"><code>PolicyPrincipal</code></a></td></tr><tr><td><a id="property-notresource"></a> <code>NotResource?</code></td><td><a href="./../type-aliases/OneOrMany"><code>OneOrMany</code></a>&lt;<code>string</code>&gt;</td></tr><tr><td><a id="property-principal"></a> <code>Principal?</code></td><td><a href="./../type-aliases/PolicyPrincipal"><code>PolicyPrincipal</code></a></td></tr><tr><td><a id="property-resource"></a> <code>Resource?</code></td><td><a href="./../type-aliases/OneOrMany"><code>OneOrMany</code></a>&lt;<code>string</code>&gt;</td></tr><tr><td><a id="property-sid"></a> <code>Sid?</code></td><td><code>string</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/PolicyStatement.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const PolicyStatement = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  PolicyStatement as default
};
