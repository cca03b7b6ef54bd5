import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: DemoResult","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/cli/interfaces/DemoResult.md","filePath":"api/@gatehouse/cli/interfaces/DemoResult.md"}');
const _sfc_main = { name: "api/@gatehouse/cli/interfaces/DemoResult.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-demoresult" tabindex="-1">Interface: DemoResult <a class="header-anchor" href="#interface-demoresult" aria-label="Permalink to &quot;Interface: DemoResult&quot;">​</a></h1><p>What <a href="./../functions/runDemo">runDemo</a> returns.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-durationms"></a> <code>durationMs</code></td><td><code>number</code></td><td>Wall time, in milliseconds.</td></tr><tr><td><a id="property-gatewayurl"></a> <code>gatewayUrl</code></td><td><code>string</code></td><td>Where the gateway listened (closed by now).</td></tr><tr><td><a id="property-ok"></a> <code>ok</code></td><td><code>boolean</code></td><td>Every row matched.</td></tr><tr><td><a id="property-rows"></a> <code>rows</code></td><td><a href="./DemoRow"><code>DemoRow</code></a>[]</td><td>-</td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/cli/interfaces/DemoResult.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const DemoResult = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  DemoResult as default
};
