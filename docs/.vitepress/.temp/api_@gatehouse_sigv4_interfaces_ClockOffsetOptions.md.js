import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Interface: ClockOffsetOptions","description":"","frontmatter":{},"headers":[],"relativePath":"api/@gatehouse/sigv4/interfaces/ClockOffsetOptions.md","filePath":"api/@gatehouse/sigv4/interfaces/ClockOffsetOptions.md"}');
const _sfc_main = { name: "api/@gatehouse/sigv4/interfaces/ClockOffsetOptions.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="interface-clockoffsetoptions" tabindex="-1">Interface: ClockOffsetOptions <a class="header-anchor" href="#interface-clockoffsetoptions" aria-label="Permalink to &quot;Interface: ClockOffsetOptions&quot;">​</a></h1><p>Options of <a href="./../functions/createClockOffset">createClockOffset</a>.</p><h2 id="properties" tabindex="-1">Properties <a class="header-anchor" href="#properties" aria-label="Permalink to &quot;Properties&quot;">​</a></h2><table tabindex="0"><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td><a id="property-now"></a> <code>now?</code></td><td>() =&gt; <code>number</code></td><td>The local time in milliseconds since the epoch. <strong>Default</strong> <code>Date.now</code></td></tr></tbody></table></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/@gatehouse/sigv4/interfaces/ClockOffsetOptions.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const ClockOffsetOptions = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  ClockOffsetOptions as default
};
