import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: ResourcePolicyRuleOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/policy/interfaces/ResourcePolicyRuleOptions.md","filePath":"api/@gatehouse/policy/interfaces/ResourcePolicyRuleOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/policy/interfaces/ResourcePolicyRuleOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-resourcepolicyruleoptions" tabindex="-1">Interface: ResourcePolicyRuleOptions <a class="header-anchor" href="#interface-resourcepolicyruleoptions" aria-label="Permalink to &quot;Interface: ResourcePolicyRuleOptions&quot;">​</a></h1><p>Options every preset takes besides its list.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-resources"></a> <code>resources?</code></td><td>readonly <code>string</code>[]</td><td>The resources the rule applies to: short form (<code>execute-api:/prod/*</code>), full execute-api ARNs or <code>*</code>. De-duplicated and sorted. <strong>Default</strong> <code>[&quot;execute-api:/*&quot;]</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/policy/interfaces/ResourcePolicyRuleOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const ResourcePolicyRuleOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  ResourcePolicyRuleOptions as default
};
