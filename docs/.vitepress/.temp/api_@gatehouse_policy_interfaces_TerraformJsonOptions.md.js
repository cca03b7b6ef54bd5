import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: TerraformJsonOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/TerraformJsonOptions.md","filePath":"api/@gatehouse/policy/interfaces/TerraformJsonOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/TerraformJsonOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-terraformjsonoptions" tabindex="-1">Interface: TerraformJsonOptions <a class="header-anchor" href="#interface-terraformjsonoptions" aria-label="Permalink to &quot;Interface: TerraformJsonOptions&quot;">​</a></h1><p>Options of <a href="./../functions/toTerraformJson">toTerraformJson</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-executionarn"></a> <code>executionArn?</code></td><td><code>string</code></td><td>A Terraform reference to the API&#39;s execution ARN, e.g. <code>&quot;aws_api_gateway_rest_api.api.execution_arn&quot;</code>. Short-form resources <code>execute-api:/{rest}</code> are written as <code>&quot;\${reference}/{rest}&quot;</code>: the expanded ARN API Gateway stores, so plans stay empty. Only with <code>usage: &quot;jsonencode&quot;</code>.</td></tr><tr><td><a id="property-indent"></a> <code>indent?</code></td><td><code>number</code></td><td>Spaces per nesting level; 0 writes one line. <strong>Default</strong> <code>2</code></td></tr><tr><td><a id="property-usage"></a> <code>usage?</code></td><td><code>&quot;jsonencode&quot;</code> | <code>&quot;file&quot;</code></td><td>Where the text goes. - <code>&quot;jsonencode&quot;</code>: pasted inside <code>policy = jsonencode(...)</code> in a <code>.tf</code> file. JSON is valid HCL object syntax; <code>\${</code> and <code>%{</code> are doubled (<code>$\${</code>, <code>%%{</code>) so policy variables such as <code>\${aws:username}</code> are not interpolated by Terraform, and only escapes HCL also knows are used. - <code>&quot;file&quot;</code>: plain JSON for <code>policy = file(&quot;policy.json&quot;)</code>, which Terraform does not interpolate. <strong>Default</strong> <code>&quot;jsonencode&quot;</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/TerraformJsonOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const TerraformJsonOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  TerraformJsonOptions as default
};
