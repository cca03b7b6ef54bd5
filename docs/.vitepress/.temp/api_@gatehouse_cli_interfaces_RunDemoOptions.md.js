import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: RunDemoOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/cli/interfaces/RunDemoOptions.md","filePath":"api/@gatehouse/cli/interfaces/RunDemoOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/cli/interfaces/RunDemoOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-rundemooptions" tabindex="-1">Interface: RunDemoOptions <a class="header-anchor" href="#interface-rundemooptions" aria-label="Permalink to &quot;Interface: RunDemoOptions&quot;">​</a></h1><p>Options of <a href="./../functions/runDemo">runDemo</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-onrow"></a> <code>onRow?</code></td><td>(<code>row</code>) =&gt; <code>void</code></td><td>Called after each row, for progressive output.</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/cli/interfaces/RunDemoOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RunDemoOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RunDemoOptions as default
};
