import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: IacPolicyDocument","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/IacPolicyDocument.md","filePath":"api/@gatehouse/policy/interfaces/IacPolicyDocument.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/IacPolicyDocument.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-iacpolicydocument" tabindex="-1">Interface: IacPolicyDocument <a class="header-anchor" href="#interface-iacpolicydocument" aria-label="Permalink to &quot;Interface: IacPolicyDocument&quot;">​</a></h1><p>A validated <a href="./PolicyDocument">PolicyDocument</a> as every IaC renderer emits it: <code>Statement</code> is always a list (CDK&#39;s <code>iam.PolicyDocument.fromJson</code> rejects a single object), keys are in the order of the IAM grammar and condition operators and keys are sorted, so equal documents render to equal bytes.</p><h2 id="extends" tabindex="-1">Extends <a class="header-anchor" href="#extends" aria-label="Permalink to &quot;Extends&quot;">​</a></h2><ul><li><a href="./PolicyDocument"><code>PolicyDocument</code></a></li></ul><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Overrides</th><th>Inherited from</th></tr></thead><tbody><tr><td><a id="property-id"></a> <code>Id?</code></td><td><code>string</code></td><td>-</td><td><a href="./PolicyDocument"><code>PolicyDocument</code></a>.<a href="./PolicyDocument#property-id"><code>Id</code></a></td></tr><tr><td><a id="property-statement"></a> <code>Statement</code></td><td><a href="./PolicyStatement"><code>PolicyStatement</code></a>[]</td><td><a href="./PolicyDocument"><code>PolicyDocument</code></a>.<a href="./PolicyDocument#property-statement"><code>Statement</code></a></td><td>-</td></tr><tr><td><a id="property-version"></a> <code>Version?</code></td><td><a href="./../type-aliases/PolicyVersion"><code>PolicyVersion</code></a></td><td>-</td><td><a href="./PolicyDocument"><code>PolicyDocument</code></a>.<a href="./PolicyDocument#property-version"><code>Version</code></a></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/IacPolicyDocument.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const IacPolicyDocument = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  IacPolicyDocument as default
};
