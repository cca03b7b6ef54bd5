import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: TerraformHclOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/TerraformHclOptions.md","filePath":"api/@gatehouse/policy/interfaces/TerraformHclOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/TerraformHclOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-terraformhcloptions" tabindex="-1">Interface: TerraformHclOptions <a class="header-anchor" href="#interface-terraformhcloptions" aria-label="Permalink to &quot;Interface: TerraformHclOptions&quot;">​</a></h1><p>Options of <a href="./../functions/toTerraformHcl">toTerraformHcl</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-executionarn"></a> <code>executionArn?</code></td><td><code>string</code></td><td>A Terraform reference to the API&#39;s execution ARN, e.g. <code>&quot;aws_api_gateway_rest_api.api.execution_arn&quot;</code>. Short-form resources <code>execute-api:/{rest}</code> are written as <code>&quot;\${reference}/{rest}&quot;</code>: the expanded ARN API Gateway stores, so plans stay empty. Without it every string is written literally.</td></tr><tr><td><a id="property-name"></a> <code>name?</code></td><td><code>string</code></td><td>The data source&#39;s name: <code>data.aws_iam_policy_document.{name}.json</code>. <strong>Default</strong> <code>&quot;resource_policy&quot;</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/TerraformHclOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const TerraformHclOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  TerraformHclOptions as default
};
