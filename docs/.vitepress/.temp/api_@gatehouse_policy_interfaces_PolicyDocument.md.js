import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: PolicyDocument","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/PolicyDocument.md","filePath":"api/@gatehouse/policy/interfaces/PolicyDocument.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/PolicyDocument.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-policydocument" tabindex="-1">Interface: PolicyDocument <a class="header-anchor" href="#interface-policydocument" aria-label="Permalink to &quot;Interface: PolicyDocument&quot;">​</a></h1><p>@gatehouse/policy: execute-api ARNs, Lambda-authorizer responses, resource policies, a local IAM / API Gateway evaluator, a linter and IaC output. No runtime dependencies.</p><p>Each section below is owned by one folder of <code>src/</code>; exports are named one by one.</p><h2 id="extended-by" tabindex="-1">Extended by <a class="header-anchor" href="#extended-by" aria-label="Permalink to &quot;Extended by&quot;">​</a></h2><ul><li><a href="./IacPolicyDocument"><code>IacPolicyDocument</code></a></li></ul><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th></tr></thead><tbody><tr><td><a id="property-id"></a> <code>Id?</code></td><td><code>string</code></td></tr><tr><td><a id="property-statement"></a> <code>Statement</code></td><td><a href="./../type-aliases/OneOrMany"><code>OneOrMany</code></a>&lt;<a href="./PolicyStatement"><code>PolicyStatement</code></a>&gt;</td></tr><tr><td><a id="property-version"></a> <code>Version?</code></td><td><a href="./../type-aliases/PolicyVersion"><code>PolicyVersion</code></a></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/PolicyDocument.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const PolicyDocument = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  PolicyDocument as default
};
